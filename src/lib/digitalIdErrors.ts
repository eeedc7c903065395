import { bilingual } from './messages'

/**
 * Why a Digital ID login was refused, in words an officer can act on. The reasons come from
 * passport-openidconnect's failure messages and from our own ID-token checks.
 */
export type LoginFailure =
  | 'state'
  | 'nonce'
  | 'expired'
  | 'signature'
  | 'audience'
  | 'issuer'
  | 'denied'
  | 'not-configured'
  | 'provider'
  | 'throttled'
  | 'unknown'

export function classifyLoginFailure(message: string | undefined | null): LoginFailure {
  const m = (message ?? '').toLowerCase()
  if (m.includes('state')) return 'state'
  if (m.includes('nonce')) return 'nonce'
  if (m.includes('expired') || m.includes('"exp"')) return 'expired'
  if (m.includes('signature') || m.includes('jwks') || m.includes('no applicable key')) return 'signature'
  if (m.includes('relying party') || m.includes('audience') || m.includes('"aud"') || m.includes('authorized party') || m.includes('authorizied party')) return 'audience'
  if (m.includes('issuer') || m.includes('"iss"') || m.includes('openid provider')) return 'issuer'
  if (m.includes('access_denied') || m.includes('denied')) return 'denied'
  return 'unknown'
}

const TEXT: Record<LoginFailure, [string, string]> = {
  state: ['คำขอเข้าสู่ระบบไม่ตรงกับที่เริ่มไว้หรือหมดอายุ กรุณาเริ่มเข้าสู่ระบบใหม่', 'The login request does not match the one started here, or it expired. Please start again.'],
  nonce: ['ข้อมูลยืนยันตัวตนไม่ตรงกับคำขอเข้าสู่ระบบนี้ (nonce)', 'The identity token does not belong to this login (nonce mismatch).'],
  expired: ['ข้อมูลยืนยันตัวตนหมดอายุแล้ว กรุณาเข้าสู่ระบบใหม่', 'The identity token has expired. Please log in again.'],
  signature: ['ลายมือชื่อดิจิทัลของข้อมูลยืนยันตัวตนไม่ถูกต้อง', 'The identity token’s signature is not valid.'],
  audience: ['ข้อมูลยืนยันตัวตนไม่ได้ออกให้ระบบนี้', 'The identity token was not issued to this application.'],
  issuer: ['ข้อมูลยืนยันตัวตนไม่ได้มาจากผู้ให้บริการ Digital ID ที่กำหนด', 'The identity token does not come from the configured Digital ID provider.'],
  denied: ['การเข้าสู่ระบบถูกยกเลิก', 'The login was cancelled.'],
  'not-configured': ['ยังไม่ได้ตั้งค่าการเข้าสู่ระบบด้วย Digital ID', 'Digital ID login is not configured.'],
  provider: ['ติดต่อผู้ให้บริการ Digital ID ไม่ได้ กรุณาลองใหม่ภายหลัง', 'The Digital ID provider could not be reached. Please try again later.'],
  throttled: ['มีการเข้าสู่ระบบจากเครือข่ายนี้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่', 'Too many login attempts from this network: please wait and try again.'],
  unknown: ['เข้าสู่ระบบด้วย Digital ID ไม่สำเร็จ', 'Digital ID login failed.'],
}

export function loginFailureMessage(reason: LoginFailure): { th: string; en: string; text: string } {
  const [th, en] = TEXT[reason]
  return { th, en, text: bilingual(th, en) }
}
