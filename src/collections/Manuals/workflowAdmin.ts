import type { CollectionAdminOptions, UIField } from 'payload'

/**
 * The workflow in the manual admin: the step buttons replace Payload's Publish / Unpublish (which
 * would skip the approvals; the server refuses them anyway), and the list opens with the
 * officer's "waiting for me" queues.
 */
export const workflowAdminComponents: NonNullable<CollectionAdminOptions['components']> = {
  beforeListTable: ['/components/Workflow/WaitingForMe#WaitingForMe'],
  edit: {
    PublishButton: '/components/Workflow/WorkflowActions#WorkflowActions',
    UnpublishButton: '/components/Workflow/WorkflowActions#NoUnpublish',
  },
}

/** The timeline in the edit view's sidebar: a UI field, so nothing is stored or sent over the API. */
export const workflowTimelineField: UIField = {
  name: 'workflowTimeline',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/components/Workflow/WorkflowTimeline#WorkflowTimeline' },
  },
}

/** Other services: publish / unpublish buttons for the agency's central officer or reviewer. */
export const otherServiceAdminComponents: NonNullable<CollectionAdminOptions['components']> = {
  edit: {
    PublishButton: '/components/Workflow/OtherServiceActions#OtherServiceActions',
    UnpublishButton: '/components/Workflow/WorkflowActions#NoUnpublish',
  },
}
