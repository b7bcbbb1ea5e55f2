import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { isBoardId } from '../../../shared/src/ids'
import { ROLES, type Role } from '../../../shared/src/roles'

/**
 * Tokens are `v1.<payload>.<signature>`: a base64url JSON payload signed with HMAC-SHA256. They
 * are stateless, so any instance with the same secret can check them without a database read.
 */
export interface TokenClaims {
  boardId: string
  role: Role
  participantId: string
  name: string
  /** Issued at and expiry, in milliseconds since the epoch. */
  iat: number
  exp: number
}

const claimsSchema = z.object({
  boardId: z.string().refine(isBoardId),
  role: z.enum(ROLES),
  participantId: z.string().min(1).max(64),
  name: z.string().max(200),
  iat: z.number().int(),
  exp: z.number().int(),
})

export interface TokenService {
  sign(claims: Omit<TokenClaims, 'iat' | 'exp'>, ttlMs?: number): string
  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: unknown): TokenClaims | null
  /**
   * A stable id for `label` (96 bits, base64url) that only holders of the secret can compute:
   * e.g. a board's participant id for a browser's device secret (see boards/joining.ts).
   */
  derive(label: string): string
}

export function createTokenService(
  secret: string,
  defaultTtlMs: number,
  now = () => Date.now(),
): TokenService {
  const signature = (payload: string): Buffer => createHmac('sha256', secret).update(`v1.${payload}`).digest()

  return {
    derive(label) {
      return createHmac('sha256', secret)
        .update(`derive.${label}`)
        .digest()
        .subarray(0, 12)
        .toString('base64url')
    },

    sign(claims, ttlMs = defaultTtlMs) {
      const issuedAt = now()
      const full: TokenClaims = { ...claims, iat: issuedAt, exp: issuedAt + ttlMs }
      const payload = Buffer.from(JSON.stringify(full)).toString('base64url')
      return `v1.${payload}.${signature(payload).toString('base64url')}`
    },

    verify(token) {
      if (typeof token !== 'string' || token.length > 4096) return null
      const [version, payload, sig, ...rest] = token.split('.')
      if (version !== 'v1' || !payload || !sig || rest.length > 0) return null
      // Compared as text, not as decoded bytes: base64url's last character has spare bits, so
      // decoding would also accept a few altered spellings of a valid signature.
      const given = Buffer.from(sig)
      const expected = Buffer.from(signature(payload).toString('base64url'))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
      let decoded: unknown
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch {
        return null
      }
      const parsed = claimsSchema.safeParse(decoded)
      if (!parsed.success || parsed.data.exp <= now()) return null
      return parsed.data
    },
  }
}

export function generateSecret(): string {
  return randomBytes(32).toString('base64url')
}
