import { loginFailureMessage, type LoginFailure } from '../lib/digitalIdErrors'

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** The page shown when a Digital ID login is refused: the reason in Thai and English, never a stack trace. */
export function loginFailurePage(reason: LoginFailure): string {
  const { th, en } = loginFailureMessage(reason)
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>เข้าสู่ระบบไม่สำเร็จ (Login refused) · admin.info.go.th</title>
<style>body{font-family:sans-serif;max-width:560px;margin:64px auto;padding:0 16px;line-height:1.6}a.button{display:inline-block;padding:10px 16px;background:#1f3a93;color:#fff;text-decoration:none;border-radius:4px}</style></head>
<body><h1>เข้าสู่ระบบไม่สำเร็จ</h1><p>${escapeHtml(th)}</p><p lang="en"><strong>Login refused.</strong> ${escapeHtml(en)}</p>
<p data-reason="${reason}"><a class="button" href="/auth/digital-id/login">เข้าสู่ระบบใหม่ (Try again)</a> &nbsp; <a href="/admin/login">หน้าเข้าสู่ระบบ (Login page)</a></p></body></html>`
}
