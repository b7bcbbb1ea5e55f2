import { randomBase64Url } from '../../../shared/src/ids'
import { readStored, writeStored } from './safeStorage'

const DEVICE_KEY = 'oogst.device'
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{22,86}$/

/**
 * This browser's own secret, sent with every join by code. The server derives the participant id
 * from it and the board, so the same browser re-opening a join link or QR code is the same person
 * (same dots, same private notes) instead of a new "Anouk". It is made once, here, and never shown;
 * it is as private as a token (whoever has it can join as this browser).
 */
export function getDeviceSecret(): string {
  const stored = readStored(DEVICE_KEY)
  if (stored && DEVICE_PATTERN.test(stored)) return stored
  const secret = randomBase64Url(32)
  writeStored(DEVICE_KEY, secret)
  return secret
}
