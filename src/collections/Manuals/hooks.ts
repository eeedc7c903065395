import { publicationGuard } from '../../hooks/publicationGuard'
import { bilingual } from '../../lib/messages'
import { EDITABLE_MANUAL_STATES } from '../../lib/workflow'
import { WORKFLOW_STATES } from '../../lib/workflowStates'

const stateName = (state: string) => WORKFLOW_STATES.find((s) => s.value === state) ?? { th: state, en: state }

/**
 * Only the workflow (POST /api/manuals/:id/workflow) or a trusted system write moves a manual:
 * officers save drafts of a revision they hold (draft or returned), nothing else.
 */
export const manualGuard = publicationGuard({
  table: 'manuals',
  workflowRoute: 'POST /api/manuals/:id/workflow',
  protectedFields: { workflowState: 'draft', revision: 1, publishedAt: null },
  state: {
    field: 'workflowState',
    editable: EDITABLE_MANUAL_STATES,
    lockedMessage: (state) =>
      state === 'published'
        ? bilingual('คู่มือนี้เผยแพร่แล้ว กด "เพิ่ม Revision" ก่อนแก้ไข', 'This manual is published: start a new revision before editing')
        : bilingual(
            `คู่มืออยู่ในสถานะ "${stateName(state).th}" แก้ไขไม่ได้จนกว่าจะถูกส่งกลับแก้ไข`,
            `The manual is "${stateName(state).en}" and cannot be edited unless it is returned for changes`,
          ),
  },
})
