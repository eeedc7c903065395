/** The explanation above "จัดการ Token". */
export function TokenHelp() {
  return (
    <div style={{ marginBottom: 16 }}>
      <p>
        ส่งรหัส Token ให้เจ้าหน้าที่ที่เข้าสู่ระบบด้วย Digital ID ครั้งแรก เพื่อผูกบัญชีกับหน่วยงาน จุดบริการ และบทบาท รหัสหนึ่งใช้ได้ครั้งเดียว
        และหมดอายุตามเวลาที่กำหนด กด Refresh ในหน้ารายละเอียดเพื่อออกรหัสใหม่
      </p>
      <p style={{ opacity: 0.7 }}>
        Give a code to an officer who has just logged in with Digital ID: it binds their account to the agency, service point and role.
        A code works once and expires; open a token and press Refresh to issue a new one.
      </p>
    </div>
  )
}
