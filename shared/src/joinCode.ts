/**
 * Join codes are typed by people on phones, read aloud, or copied from a projector. They use an
 * alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V) and are shown as `K7M-4QP`.
 * 6 characters from 23 symbols give ~148 million codes; guessing is further limited by rate limits.
 */

export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679'
export const JOIN_CODE_LENGTH = 6

/** Random join code in display form, e.g. `K7M-4QP`. */
export function newJoinCode(): string {
  const buf = new Uint32Array(JOIN_CODE_LENGTH)
  globalThis.crypto.getRandomValues(buf)
  let raw = ''
  for (const n of buf) raw += JOIN_CODE_ALPHABET[n % JOIN_CODE_ALPHABET.length]
  return formatJoinCode(raw)
}

/** `k7m4qp` or `K7M 4QP` → `K7M-4QP`; anything that cannot be a code → null. */
export function normalizeJoinCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-_.]/g, '')
  if (raw.length !== JOIN_CODE_LENGTH) return null
  for (const ch of raw) if (!JOIN_CODE_ALPHABET.includes(ch)) return null
  return formatJoinCode(raw)
}

function formatJoinCode(raw: string): string {
  return `${raw.slice(0, 3)}-${raw.slice(3)}`
}
