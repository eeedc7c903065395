import { digitalIdAvailable, localLoginAllowed } from '../../lib/localLogin'

/**
 * Below the admin login form: the Digital ID button (the officers' normal way in). Where password
 * login is off (production without LOCAL_LOGIN) Payload's email/password form is hidden, since the
 * server would refuse whatever it sends; where no way in is set up, the page says so.
 */
export function DigitalIdButton() {
  const passwordLogin = localLoginAllowed()
  const digitalId = digitalIdAvailable()
  return (
    <div style={{ marginTop: passwordLogin ? 24 : 0, textAlign: 'center' }}>
      {!passwordLogin && <style>{'.login__form{display:none}'}</style>}
      {digitalId ? (
        <a className="btn btn--style-primary" href="/auth/digital-id/login" style={{ display: 'block' }}>
          เข้าสู่ระบบด้วย Digital ID (Log in with Digital ID)
        </a>
      ) : (
        !passwordLogin && (
          <p role="alert">
            ระบบยังไม่เปิดให้เข้าสู่ระบบ กรุณาติดต่อผู้ดูแลระบบ (Login is not set up yet: please contact the system administrator)
          </p>
        )
      )}
    </div>
  )
}
