/**
 * Identifier formats shared by client and server. Board ids are the secret part of a board's
 * address, so they carry 128 bits of randomness; note and zone ids only need to be unique.
 */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Random base64url string built from `bytes` random bytes (Web Crypto: browser and Node). */
export function randomBase64Url(bytes: number): string {
  const buf = new Uint8Array(bytes)
  globalThis.crypto.getRandomValues(buf)
  let out = ''
  // Encode 6 bits at a time; trailing bits of the last byte become one extra character.
  let bits = 0
  let value = 0
  for (const byte of buf) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 6) {
      bits -= 6
      out += BASE64URL[(value >> bits) & 63]
    }
  }
  if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63]
  return out
}

/** 22 base64url characters = 132 bits, of which 128 are random. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function newBoardId(): string {
  return randomBase64Url(16)
}

export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value)
}

/** Ids for notes, zones and participants: 96 random bits, short enough for logs. */
export function newObjectId(): string {
  return randomBase64Url(12)
}

export const OBJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
