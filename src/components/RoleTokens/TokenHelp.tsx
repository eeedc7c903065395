/** The explanation above "จัดการ Token" (the officer FAQ's steps). */
export function TokenHelp() {
  return (
    <div className="gutter--left gutter--right" style={{ marginBottom: 16 }} data-testid="role-token-help">
      <p>
        เลือกบทบาทของเจ้าหน้าที่ในตาราง แล้วกด “คัดลอก” เพื่อส่งรหัส Token ให้เจ้าหน้าที่ที่เข้าสู่ระบบด้วย Digital ID ครั้งแรก รหัสจะผูกบัญชีกับหน่วยงาน
        จุดบริการ และบทบาทนั้น รหัสหนึ่งใช้ได้ครั้งเดียวและหมดอายุตามเวลาที่กำหนด เมื่อจะให้รหัสแก่เจ้าหน้าที่ท่านถัดไป ให้กดปุ่ม “Refresh” ในคอลัมน์
        Refresh Token แล้วคัดลอกรหัสใหม่ ทุกหน่วยงานและจุดบริการมี Token ของแต่ละบทบาทอยู่แล้ว ไม่ต้องสร้างเพิ่ม
      </p>
      <p style={{ opacity: 0.7 }}>
        Pick the officer’s role in the table and press Copy to give the code to an officer who has just logged in with Digital ID: it binds
        their account to that agency, service point and role. A code works once and expires; for the next officer press Refresh in the
        Refresh Token column and copy the new code. Every agency and service point already has one token per role.
      </p>
    </div>
  )
}
