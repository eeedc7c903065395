/**
 * OPDC's standard satisfaction questions (มาตรฐาน ก.พ.ร.), scored 1-5: version 1 of the
 * `survey-question-sets` collection on every new installation. The one source of their text:
 * the migration that ships them (src/migrations/20261203_074000_standard_question_set.ts), the
 * development start-up and the demo seed all read it from here.
 */
export type StandardQuestion = { key: string; text: string; textEn: string }

export const STANDARD_QUESTION_SET: { title: string; questions: readonly StandardQuestion[] } = {
  title: 'แบบประเมินความพึงพอใจการรับบริการ (มาตรฐาน ก.พ.ร.)',
  questions: [
    { key: 'process', text: 'ความพึงพอใจต่อขั้นตอนและระยะเวลาการให้บริการ', textEn: 'Satisfaction with the steps and time taken' },
    { key: 'staff', text: 'ความพึงพอใจต่อเจ้าหน้าที่ผู้ให้บริการ', textEn: 'Satisfaction with the staff who served you' },
    { key: 'facilities', text: 'ความพึงพอใจต่อสิ่งอำนวยความสะดวก', textEn: 'Satisfaction with the facilities' },
    { key: 'information', text: 'ความพึงพอใจต่อข้อมูลและคู่มือสำหรับประชาชน', textEn: 'Satisfaction with the information and citizen manual' },
    { key: 'overall', text: 'ความพึงพอใจต่อการให้บริการโดยรวม', textEn: 'Overall satisfaction with the service' },
  ],
}
