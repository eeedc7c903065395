/** Below the admin login form: the Digital ID button (the officers' normal way in). */
export function DigitalIdButton() {
  return (
    <div style={{ marginTop: 24, textAlign: 'center' }}>
      <a className="btn btn--style-primary" href="/auth/digital-id/login" style={{ display: 'block' }}>
        เข้าสู่ระบบด้วย Digital ID (Log in with Digital ID)
      </a>
    </div>
  )
}
