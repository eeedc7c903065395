/**
 * People of the local development OpenID provider (used when OIDC_ISSUER is unset). They are new
 * officers: after their first login they redeem a role token, as real officers do.
 */
export type DemoIdentity = { sub: string; name: string; email: string; description: string }

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { sub: 'demo-somchai', name: 'สมชาย ใจดี', email: 'somchai@digital-id.demo', description: 'เจ้าหน้าที่ใหม่ (new officer)' },
  { sub: 'demo-suda', name: 'สุดา รักษ์ไทย', email: 'suda@digital-id.demo', description: 'เจ้าหน้าที่ใหม่ (new officer)' },
  { sub: 'demo-anan', name: 'อนันต์ มั่นคง', email: 'anan@digital-id.demo', description: 'เจ้าหน้าที่ใหม่ (new officer)' },
]

export const findDemoIdentity = (sub: string) => DEMO_IDENTITIES.find((identity) => identity.sub === sub)
