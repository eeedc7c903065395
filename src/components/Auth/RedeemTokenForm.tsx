'use client'
import { useState } from 'react'

/** The form of the "redeem token" page: binds the logged-in officer, then opens the admin. */
export function RedeemTokenForm() {
  const [token, setToken] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        setBusy(true)
        setMessage(null)
        const res = await fetch('/api/users/redeem-token', {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token }),
        })
        const body = await res.json().catch(() => null)
        if (res.ok) {
          window.location.href = '/admin'
          return
        }
        setMessage(body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
        setBusy(false)
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 420 }}
    >
      <label htmlFor="role-token" className="field-label">
        รหัส Token (Role token)
      </label>
      <input
        id="role-token"
        name="token"
        autoComplete="off"
        placeholder="XXXX-XXXX-XXXX-XXXX"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        style={{ fontSize: '1.3rem', padding: '8px 12px', letterSpacing: '0.1em' }}
        required
      />
      <button type="submit" className="btn btn--style-primary" disabled={busy}>
        ยืนยัน (Redeem)
      </button>
      {message ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      ) : null}
    </form>
  )
}
