import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * รหัส Token: one-time codes that bind an officer to an agency and role.
 * The code is looked up by an HMAC (never stored in clear), and kept encrypted so the agency's
 * central officers can copy it again; nobody else can read it, not even from a database dump.
 */

// Crockford-style alphabet: no 0/O, 1/I/L, so a code read aloud or retyped stays unambiguous.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const GROUPS = 4
const GROUP_LENGTH = 4

/** 16 random symbols from a 31-letter alphabet: about 79 bits, grouped as XXXX-XXXX-XXXX-XXXX. */
export function generateRoleTokenCode(random: (size: number) => Buffer = randomBytes): string {
  const symbols: string[] = []
  while (symbols.length < GROUPS * GROUP_LENGTH) {
    for (const byte of random(32)) {
      // Rejection sampling keeps every symbol equally likely.
      if (byte < 248 && symbols.length < GROUPS * GROUP_LENGTH) symbols.push(ALPHABET[byte % ALPHABET.length])
    }
  }
  const groups: string[] = []
  for (let i = 0; i < GROUPS; i++) groups.push(symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''))
  return groups.join('-')
}

/** What an officer types may have spaces, dashes or lower case: compare on the symbols only. */
export function normalizeRoleTokenCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '')
}

export function looksLikeRoleTokenCode(input: unknown): input is string {
  if (typeof input !== 'string') return false
  const normalized = normalizeRoleTokenCode(input)
  return normalized.length === GROUPS * GROUP_LENGTH && [...normalized].every((c) => ALPHABET.includes(c))
}

/** The lookup key stored in the database (keyed with the server secret, so it cannot be brute-forced offline). */
export function hashRoleTokenCode(code: string, secret: string): string {
  return createHmac('sha256', `${secret}:role-token-lookup`).update(normalizeRoleTokenCode(code)).digest('hex')
}

const keyOf = (secret: string) => createHash('sha256').update(`${secret}:role-token-encryption`).digest()

/** AES-256-GCM, stored as base64url(iv | tag | ciphertext). */
export function encryptRoleTokenCode(code: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const encrypted = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url')
}

/** Null when the value was not encrypted with this secret (or was tampered with). */
export function decryptRoleTokenCode(stored: string, secret: string): string | null {
  try {
    const raw = Buffer.from(stored, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** ROLE_TOKEN_TTL_DAYS: how long a fresh code stays redeemable (default 7 days, 1 to 365). */
export function roleTokenTtlDays(raw: string | undefined): number {
  const days = Number(raw)
  if (!raw || !Number.isFinite(days) || days <= 0) return 7
  return Math.min(365, days)
}

export function roleTokenExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 24 * 60 * 60 * 1000)
}

/** A fresh code and what the database keeps of it: the lookup HMAC, the cipher and the expiry. */
export function issueRoleTokenCode(secret: string, now: Date = new Date(), ttlDays = roleTokenTtlDays(process.env.ROLE_TOKEN_TTL_DAYS)) {
  const code = generateRoleTokenCode()
  return {
    code,
    codeHash: hashRoleTokenCode(code, secret),
    codeCipher: encryptRoleTokenCode(code, secret),
    expiresAt: roleTokenExpiry(now, ttlDays),
  }
}
