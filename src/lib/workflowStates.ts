/** The states of a manual revision (../shared/API.md, "Workflow of a manual revision"). */
export const WORKFLOW_STATES = [
  { value: 'draft', th: 'ฉบับร่าง', en: 'Draft' },
  { value: 'pending-review', th: 'รอผู้ตรวจสอบของหน่วยงาน', en: 'Waiting for agency review' },
  { value: 'pending-opdc', th: 'รอ ก.พ.ร. อนุมัติ', en: 'Waiting for OPDC' },
  { value: 'published', th: 'เผยแพร่แล้ว', en: 'Published' },
  { value: 'rejected', th: 'ส่งกลับแก้ไข', en: 'Returned for changes' },
  { value: 'superseded', th: 'ถูกแทนที่แล้ว', en: 'Superseded' },
] as const

export type WorkflowState = (typeof WORKFLOW_STATES)[number]['value']
