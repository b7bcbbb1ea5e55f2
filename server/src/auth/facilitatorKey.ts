import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The facilitator key is the board's master password: whoever holds it can mint tokens. Only its
 * SHA-256 is stored (it has 256 random bits, so a slow hash adds nothing).
 */
export function newFacilitatorKey(): string {
  return randomBytes(32).toString('base64url')
}

export function hashFacilitatorKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export function facilitatorKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashFacilitatorKey(key), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}

/** Extracts the credential from `Authorization: Bearer <value>`. */
export function bearerFrom(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match?.[1] ?? null
}
