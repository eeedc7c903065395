import type { AdminViewServerProps } from 'payload'

import { RedeemTokenForm } from './RedeemTokenForm'

/** /admin/redeem-token: the only page an officer without an agency can use. */
export function RedeemTokenView({ initPageResult }: AdminViewServerProps) {
  const user = initPageResult?.req?.user as { email?: string; name?: string } | null | undefined
  return (
    <main style={{ maxWidth: 640, margin: '64px auto', padding: '0 24px' }}>
      <h1>กรอกรหัส Token</h1>
      <p>
        บัญชี {user?.name || user?.email || ''} ยังไม่ได้สังกัดหน่วยงาน กรุณากรอกรหัส Token ที่ได้รับจากเจ้าหน้าที่ส่วนกลางของหน่วยงาน
      </p>
      <p style={{ opacity: 0.7 }}>
        Your account is not bound to an agency yet. Enter the role token your agency’s central officer gave you.
      </p>
      <RedeemTokenForm />
      <p style={{ marginTop: 32 }}>
        <a href="/admin/logout">ออกจากระบบ (Log out)</a>
      </p>
    </main>
  )
}
