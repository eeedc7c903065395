/** The Thai demo dataset loaded by `npm run seed` (and by `npm run dev` on an empty database). */
import type { Role } from '../lib/roles'

export const DEMO_PASSWORD = 'demo-password-2569'

export const AGENCIES = [
  { code: 'MOI', name: 'กระทรวงมหาดไทย', nameEn: 'Ministry of Interior', kind: 'ministry', province: 'กรุงเทพมหานคร' },
  { code: 'MOC', name: 'กระทรวงพาณิชย์', nameEn: 'Ministry of Commerce', kind: 'ministry', province: 'นนทบุรี' },
  { code: 'DOPA', name: 'กรมการปกครอง', nameEn: 'Department of Provincial Administration', kind: 'department', parent: 'MOI', province: 'กรุงเทพมหานคร' },
  { code: 'DPT', name: 'กรมโยธาธิการและผังเมือง', nameEn: 'Department of Public Works and Town & Country Planning', kind: 'department', parent: 'MOI', province: 'กรุงเทพมหานคร' },
  { code: 'DBD', name: 'กรมพัฒนาธุรกิจการค้า', nameEn: 'Department of Business Development', kind: 'department', parent: 'MOC', province: 'นนทบุรี' },
  { code: 'CNX-CITY', name: 'เทศบาลนครเชียงใหม่', nameEn: 'Chiang Mai City Municipality', kind: 'local-government', parent: 'MOI', province: 'เชียงใหม่' },
] as const

type Hours = Array<{ day: string; opens: string; closes: string }>
const weekdays = (opens = '08:30', closes = '16:30'): Hours =>
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, opens, closes }))

export const SERVICE_POINTS = [
  { key: 'dopa-cnx', agency: 'DOPA', name: 'ที่ว่าการอำเภอเมืองเชียงใหม่', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', lat: 18.7883, lng: 98.9853, phone: '053-112-345' },
  { key: 'dopa-bkk', agency: 'DOPA', name: 'สำนักงานเขตบางรัก (งานทะเบียน)', province: 'กรุงเทพมหานคร', district: 'บางรัก', lat: 13.7307, lng: 100.5236, phone: '02-236-1395' },
  { key: 'dopa-kkn', agency: 'DOPA', name: 'ที่ว่าการอำเภอเมืองขอนแก่น', province: 'ขอนแก่น', district: 'เมืองขอนแก่น', lat: 16.4322, lng: 102.8236, phone: '043-236-789' },
  { key: 'dopa-old', agency: 'DOPA', name: 'หน่วยบริการทะเบียนเคลื่อนที่ (ปิดแล้ว)', province: 'ลำพูน', district: 'เมืองลำพูน', lat: 18.5745, lng: 99.0087, status: 'closed' },
  { key: 'dbd-hq', agency: 'DBD', name: 'สำนักงานบริการจดทะเบียนธุรกิจ (สนามบินน้ำ)', province: 'นนทบุรี', district: 'เมืองนนทบุรี', lat: 13.8776, lng: 100.4919, phone: '1570' },
  { key: 'dbd-cnx', agency: 'DBD', name: 'สำนักงานพัฒนาธุรกิจการค้าจังหวัดเชียงใหม่', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', lat: 18.8049, lng: 98.9705, phone: '053-112-736' },
  { key: 'dbd-hkt', agency: 'DBD', name: 'สำนักงานพัฒนาธุรกิจการค้าจังหวัดภูเก็ต', province: 'ภูเก็ต', district: 'เมืองภูเก็ต', lat: 7.8804, lng: 98.3923, phone: '076-212-345' },
  { key: 'dbd-internal', agency: 'DBD', name: 'ห้องทดสอบระบบ (ไม่แสดงผล)', province: 'นนทบุรี', district: 'เมืองนนทบุรี', lat: 13.87, lng: 100.49, visible: false },
  { key: 'dpt-kkn', agency: 'DPT', name: 'สำนักงานโยธาธิการและผังเมืองจังหวัดขอนแก่น', province: 'ขอนแก่น', district: 'เมืองขอนแก่น', lat: 16.4419, lng: 102.8359, phone: '043-246-111' },
  { key: 'dpt-sgz', agency: 'DPT', name: 'สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา', province: 'สงขลา', district: 'เมืองสงขลา', lat: 7.1898, lng: 100.5951, phone: '074-311-222' },
  { key: 'cnx-city-eng', agency: 'CNX-CITY', name: 'กองช่าง เทศบาลนครเชียงใหม่', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', lat: 18.7953, lng: 98.9986, phone: '053-259-000' },
  { key: 'cnx-city-onestop', agency: 'CNX-CITY', name: 'ศูนย์บริการร่วม เทศบาลนครเชียงใหม่', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', lat: 18.7961, lng: 98.9981, phone: '053-259-100', hours: weekdays('08:00', '18:00') },
].map((sp) => ({ hours: weekdays(), visible: true, status: 'active', ...sp }))

export const TAGS = [
  { name: 'การทะเบียนราษฎร', nameEn: 'Civil registration', type: 'service-category' },
  { name: 'ธุรกิจและการค้า', nameEn: 'Business and trade', type: 'service-category' },
  { name: 'ที่อยู่อาศัยและการก่อสร้าง', nameEn: 'Housing and construction', type: 'service-category' },
  { name: 'สวัสดิการสังคม', nameEn: 'Social welfare', type: 'service-category' },
  { name: 'ประชาชนทั่วไป', nameEn: 'Citizens', type: 'user-group' },
  { name: 'ผู้ประกอบการ', nameEn: 'Business owners', type: 'user-group' },
  { name: 'ผู้สูงอายุ', nameEn: 'Older persons', type: 'user-group' },
  { name: 'บัตรประชาชน', nameEn: 'ID card', type: 'tag', parent: 'การทะเบียนราษฎร' },
  { name: 'ทะเบียนบ้าน', nameEn: 'House registration', type: 'tag', parent: 'การทะเบียนราษฎร' },
  { name: 'ร้านค้า', nameEn: 'Shops', type: 'tag', parent: 'ธุรกิจและการค้า' },
  { name: 'อาคาร', nameEn: 'Buildings', type: 'tag', parent: 'ที่อยู่อาศัยและการก่อสร้าง' },
] as const

type ProcessSeed = {
  agency: string
  name: string
  commonNames: string[]
  tags: string[]
  state: 'published' | 'draft' | 'pending-review' | 'pending-opdc' | 'rejected' | 'published+review'
  fee?: number
  days: number
  points: string[]
  law: string
}

export const PROCESSES: ProcessSeed[] = [
  { agency: 'DOPA', name: 'การแจ้งเกิด', commonNames: ['แจ้งเกิด', 'ขอสูติบัตร'], tags: ['การทะเบียนราษฎร', 'ประชาชนทั่วไป', 'ทะเบียนบ้าน'], state: 'published', days: 1, points: ['dopa-cnx', 'dopa-bkk', 'dopa-kkn'], law: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534' },
  { agency: 'DOPA', name: 'การแจ้งตาย', commonNames: ['แจ้งตาย', 'ขอมรณบัตร'], tags: ['การทะเบียนราษฎร', 'ประชาชนทั่วไป'], state: 'published', days: 1, points: ['dopa-cnx', 'dopa-bkk'], law: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534' },
  { agency: 'DOPA', name: 'การแจ้งย้ายที่อยู่', commonNames: ['ย้ายทะเบียนบ้าน', 'ย้ายเข้า', 'ย้ายออก'], tags: ['การทะเบียนราษฎร', 'ทะเบียนบ้าน'], state: 'published+review', days: 1, points: ['dopa-cnx', 'dopa-bkk', 'dopa-kkn'], law: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534' },
  { agency: 'DOPA', name: 'การขอมีบัตรประจำตัวประชาชน', commonNames: ['ทำบัตรประชาชน', 'บัตรประชาชนหาย', 'บัตรประชาชนหมดอายุ'], tags: ['การทะเบียนราษฎร', 'บัตรประชาชน', 'ประชาชนทั่วไป'], state: 'published', fee: 100, days: 1, points: ['dopa-cnx', 'dopa-bkk', 'dopa-kkn'], law: 'พระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526' },
  { agency: 'DOPA', name: 'การขอเปลี่ยนชื่อตัว', commonNames: ['เปลี่ยนชื่อ', 'ขอเปลี่ยนชื่อ'], tags: ['การทะเบียนราษฎร'], state: 'published', fee: 50, days: 1, points: ['dopa-cnx', 'dopa-bkk'], law: 'พระราชบัญญัติชื่อบุคคล พ.ศ. 2505' },
  { agency: 'DOPA', name: 'การจดทะเบียนสมรส', commonNames: ['จดทะเบียนสมรส', 'แต่งงาน'], tags: ['การทะเบียนราษฎร', 'ประชาชนทั่วไป'], state: 'pending-review', days: 1, points: ['dopa-bkk'], law: 'พระราชบัญญัติจดทะเบียนครอบครัว พ.ศ. 2478' },
  { agency: 'DOPA', name: 'การขอคัดสำเนาทะเบียนบ้าน', commonNames: ['คัดสำเนาทะเบียนบ้าน'], tags: ['ทะเบียนบ้าน'], state: 'draft', fee: 10, days: 1, points: [], law: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534' },
  { agency: 'DOPA', name: 'การขออนุญาตมีและใช้อาวุธปืน', commonNames: ['ขอใบอนุญาตพกปืน', 'ป.4'], tags: ['ประชาชนทั่วไป'], state: 'pending-opdc', fee: 1000, days: 45, points: ['dopa-cnx'], law: 'พระราชบัญญัติอาวุธปืน เครื่องกระสุนปืน วัตถุระเบิด ดอกไม้เพลิง และสิ่งเทียมอาวุธปืน พ.ศ. 2490' },
  { agency: 'DBD', name: 'การจดทะเบียนพาณิชย์ (ตั้งใหม่) ตามพระราชบัญญัติทะเบียนพาณิชย์ พ.ศ. 2499', commonNames: ['จดทะเบียนร้านค้า', 'จดทะเบียนพาณิชย์', 'เปิดร้าน'], tags: ['ธุรกิจและการค้า', 'ผู้ประกอบการ', 'ร้านค้า'], state: 'published', fee: 50, days: 1, points: ['dbd-hq', 'dbd-cnx', 'dbd-hkt'], law: 'พระราชบัญญัติทะเบียนพาณิชย์ พ.ศ. 2499' },
  { agency: 'DBD', name: 'การจดทะเบียนพาณิชย์ (เปลี่ยนแปลงรายการจดทะเบียน)', commonNames: ['แก้ไขทะเบียนพาณิชย์'], tags: ['ธุรกิจและการค้า', 'ผู้ประกอบการ'], state: 'published', fee: 20, days: 1, points: ['dbd-hq', 'dbd-cnx'], law: 'พระราชบัญญัติทะเบียนพาณิชย์ พ.ศ. 2499' },
  { agency: 'DBD', name: 'การจดทะเบียนจัดตั้งบริษัทจำกัด', commonNames: ['เปิดบริษัท', 'ตั้งบริษัท', 'จดบริษัท'], tags: ['ธุรกิจและการค้า', 'ผู้ประกอบการ'], state: 'published', fee: 5500, days: 1, points: ['dbd-hq', 'dbd-cnx', 'dbd-hkt'], law: 'ประมวลกฎหมายแพ่งและพาณิชย์' },
  { agency: 'DBD', name: 'การจดทะเบียนจัดตั้งห้างหุ้นส่วน', commonNames: ['ตั้งห้างหุ้นส่วน', 'จดหจก.'], tags: ['ธุรกิจและการค้า', 'ผู้ประกอบการ'], state: 'published', fee: 1000, days: 1, points: ['dbd-hq', 'dbd-hkt'], law: 'ประมวลกฎหมายแพ่งและพาณิชย์' },
  { agency: 'DBD', name: 'การขอหนังสือรับรองนิติบุคคล', commonNames: ['หนังสือรับรองบริษัท', 'ขอหนังสือรับรอง'], tags: ['ธุรกิจและการค้า'], state: 'rejected', fee: 200, days: 1, points: ['dbd-hq'], law: 'ประมวลกฎหมายแพ่งและพาณิชย์' },
  { agency: 'DBD', name: 'การจดทะเบียนเลิกบริษัทจำกัด', commonNames: ['ปิดบริษัท', 'เลิกกิจการ'], tags: ['ธุรกิจและการค้า'], state: 'draft', fee: 500, days: 1, points: [], law: 'ประมวลกฎหมายแพ่งและพาณิชย์' },
  { agency: 'DPT', name: 'การขออนุญาตขุดดินหรือถมดิน', commonNames: ['ขอถมดิน', 'ขอขุดดิน'], tags: ['ที่อยู่อาศัยและการก่อสร้าง'], state: 'published', days: 7, points: ['dpt-kkn', 'dpt-sgz'], law: 'พระราชบัญญัติการขุดดินและถมดิน พ.ศ. 2543' },
  { agency: 'DPT', name: 'การขอรับรองการจัดสรรที่ดิน', commonNames: ['ขออนุญาตจัดสรรที่ดิน', 'ทำหมู่บ้านจัดสรร'], tags: ['ที่อยู่อาศัยและการก่อสร้าง', 'ผู้ประกอบการ'], state: 'published', fee: 500, days: 45, points: ['dpt-kkn'], law: 'พระราชบัญญัติการจัดสรรที่ดิน พ.ศ. 2543' },
  { agency: 'DPT', name: 'การขอตรวจสอบผังเมือง', commonNames: ['ตรวจสอบผังเมือง', 'ผังสีที่ดิน'], tags: ['ที่อยู่อาศัยและการก่อสร้าง'], state: 'pending-review', days: 3, points: ['dpt-sgz'], law: 'พระราชบัญญัติการผังเมือง พ.ศ. 2562' },
  { agency: 'CNX-CITY', name: 'การขออนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร หรือรื้อถอนอาคาร', commonNames: ['ขอใบอนุญาตสร้างบ้าน', 'ขออนุญาตปลูกบ้าน', 'ขอสร้างบ้าน'], tags: ['ที่อยู่อาศัยและการก่อสร้าง', 'อาคาร', 'ประชาชนทั่วไป'], state: 'published', fee: 20, days: 45, points: ['cnx-city-eng', 'cnx-city-onestop'], law: 'พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522' },
  { agency: 'CNX-CITY', name: 'การแจ้งก่อสร้างอาคารตามมาตรา 39 ทวิ', commonNames: ['แจ้งสร้างบ้าน', '39 ทวิ'], tags: ['ที่อยู่อาศัยและการก่อสร้าง', 'อาคาร'], state: 'published', fee: 20, days: 7, points: ['cnx-city-eng'], law: 'พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522' },
  { agency: 'CNX-CITY', name: 'การขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ', commonNames: ['ใบอนุญาตประกอบกิจการ', 'ขออนุญาตเปิดร้านอาหาร'], tags: ['ธุรกิจและการค้า', 'ผู้ประกอบการ'], state: 'published', fee: 500, days: 30, points: ['cnx-city-onestop'], law: 'พระราชบัญญัติการสาธารณสุข พ.ศ. 2535' },
  { agency: 'CNX-CITY', name: 'การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ', commonNames: ['เบี้ยผู้สูงอายุ', 'เบี้ยคนชรา'], tags: ['สวัสดิการสังคม', 'ผู้สูงอายุ'], state: 'published', days: 1, points: ['cnx-city-onestop'], law: 'ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552' },
  { agency: 'CNX-CITY', name: 'การขออนุญาตจำหน่ายสินค้าในที่หรือทางสาธารณะ', commonNames: ['ขอขายของริมทาง', 'หาบเร่แผงลอย'], tags: ['ธุรกิจและการค้า', 'ร้านค้า'], state: 'draft', fee: 100, days: 15, points: [], law: 'พระราชบัญญัติการสาธารณสุข พ.ศ. 2535' },
]

export const OTHER_SERVICES = [
  { agency: 'DPT', title: 'บริการให้คำปรึกษาการออกแบบอาคารสำหรับผู้สูงอายุ', description: 'ให้คำแนะนำการออกแบบและปรับปรุงที่อยู่อาศัยให้เหมาะสมกับผู้สูงอายุและคนพิการ โดยไม่เสียค่าใช้จ่าย', contact: '02-299-4000', published: true },
  { agency: 'CNX-CITY', title: 'บริการรถรับส่งผู้ป่วยฉุกเฉิน', description: 'บริการรถพยาบาลฉุกเฉินภายในเขตเทศบาลนครเชียงใหม่ ตลอด 24 ชั่วโมง', contact: '1669', published: true },
  { agency: 'CNX-CITY', title: 'บริการจัดเก็บขยะชิ้นใหญ่', description: 'นัดหมายจัดเก็บขยะชิ้นใหญ่ถึงหน้าบ้าน', contact: '053-259-000', published: false },
]

/** One demo officer per role in two departments (DOPA and DBD), plus OPDC and a system admin. */
export const DEMO_USERS: Array<{ email: string; name: string; roles: Role[]; agency?: string; servicePoint?: string }> = [
  { email: 'admin@demo.info.go.th', name: 'ผู้ดูแลระบบ สพร.', roles: ['system-admin'] },
  { email: 'opdc@demo.info.go.th', name: 'สมศรี ก.พ.ร.', roles: ['opdc-officer'] },
  ...(['DOPA', 'DBD'] as const).flatMap((code) => {
    const slug = code.toLowerCase()
    const point = code === 'DOPA' ? 'dopa-cnx' : 'dbd-cnx'
    return [
      { email: `central.${slug}@demo.info.go.th`, name: `เจ้าหน้าที่ส่วนกลาง ${code}`, roles: ['central-officer'] as Role[], agency: code },
      { email: `point.${slug}@demo.info.go.th`, name: `เจ้าหน้าที่จุดบริการ ${code}`, roles: ['service-point-officer'] as Role[], agency: code, servicePoint: point },
      { email: `author.${slug}@demo.info.go.th`, name: `ผู้จัดทำคู่มือ ${code}`, roles: ['manual-author'] as Role[], agency: code },
      { email: `reviewer.${slug}@demo.info.go.th`, name: `ผู้ตรวจสอบคู่มือ ${code}`, roles: ['manual-reviewer'] as Role[], agency: code },
    ]
  }),
]
