import { describe, expect, it } from 'vitest'
import {
  facilitatorKeyMatches,
  hashFacilitatorKey,
  newFacilitatorKey,
} from '../../server/src/auth/facilitatorKey'
import { createTokenService } from '../../server/src/auth/tokens'
import { isBoardId, newBoardId } from '../../shared/src/ids'
import { JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from '../../shared/src/joinCode'
import { parseRoomName } from '../../shared/src/rooms'

describe('join codes', () => {
  it('look like K7M-4QP and use no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode()
      expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)
      for (const ch of code.replace('-', '')) expect(JOIN_CODE_ALPHABET).toContain(ch)
    }
    for (const confusing of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B', 'U', 'V']) {
      expect(JOIN_CODE_ALPHABET).not.toContain(confusing)
    }
  })

  it('accept what people type', () => {
    expect(normalizeJoinCode('k7m4qp')).toBe('K7M-4QP')
    expect(normalizeJoinCode(' K7M 4QP ')).toBe('K7M-4QP')
    expect(normalizeJoinCode('K7M-4QP')).toBe('K7M-4QP')
    expect(normalizeJoinCode('K7M-4Q')).toBeNull()
    expect(normalizeJoinCode('K0M-4QP')).toBeNull()
    expect(normalizeJoinCode('<script>')).toBeNull()
  })
})

describe('board ids and room names', () => {
  it('are unguessable and strictly parsed', () => {
    const ids = new Set(Array.from({ length: 1000 }, newBoardId))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(isBoardId(id)).toBe(true)
    const id = newBoardId()
    expect(parseRoomName(id)).toEqual({ boardId: id, kind: 'content' })
    expect(parseRoomName(`${id}/control`)).toEqual({ boardId: id, kind: 'control' })
    for (const bad of ['', 'short', `${id}/other`, `${id}/control/x`, `../${id}`, `${id}*`]) {
      expect(parseRoomName(bad)).toBeNull()
    }
  })
})

describe('tokens', () => {
  const boardId = newBoardId()
  let now = 1_000_000
  const tokens = createTokenService('s'.repeat(40), 60_000, () => now)

  it('round-trip their claims', () => {
    const token = tokens.sign({ boardId, role: 'participant', participantId: 'p1', name: 'Ayla' })
    expect(tokens.verify(token)).toMatchObject({
      boardId,
      role: 'participant',
      participantId: 'p1',
      name: 'Ayla',
    })
  })

  it('are refused when tampered with, signed with another secret, or expired', () => {
    const token = tokens.sign({ boardId, role: 'participant', participantId: 'p1', name: 'Ayla' })
    const [v, payload, sig] = token.split('.') as [string, string, string]
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'facilitator' }),
    ).toString('base64url')
    expect(tokens.verify(`${v}.${forged}.${sig}`)).toBeNull()
    expect(createTokenService('t'.repeat(40), 60_000, () => now).verify(token)).toBeNull()
    expect(tokens.verify('garbage')).toBeNull()
    // Every other spelling of the signature's last character is refused, including the ones
    // that decode to the same bytes (base64url's spare bits).
    const last = sig.at(-1) as string
    for (const other of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (other !== last) expect(tokens.verify(`${v}.${payload}.${sig.slice(0, -1)}${other}`)).toBeNull()
    }
    expect(tokens.verify(undefined)).toBeNull()
    now += 60_001
    expect(tokens.verify(token)).toBeNull()
  })
})

describe('facilitator keys', () => {
  it('match only their own hash', () => {
    const key = newFacilitatorKey()
    expect(key.length).toBeGreaterThanOrEqual(43)
    expect(facilitatorKeyMatches(key, hashFacilitatorKey(key))).toBe(true)
    expect(facilitatorKeyMatches(newFacilitatorKey(), hashFacilitatorKey(key))).toBe(false)
  })
})

describe('derived ids (one participant per browser)', () => {
  it('are stable per label and secret, and differ for any other label or secret', () => {
    const a = createTokenService('s'.repeat(40), 60_000)
    const b = createTokenService('t'.repeat(40), 60_000)
    const id = a.derive('participant.board1.device1')
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(a.derive('participant.board1.device1')).toBe(id)
    expect(a.derive('participant.board2.device1')).not.toBe(id)
    expect(a.derive('participant.board1.device2')).not.toBe(id)
    expect(b.derive('participant.board1.device1')).not.toBe(id)
  })
})
