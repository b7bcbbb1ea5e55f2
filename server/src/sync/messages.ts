import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../../../shared/src/protocol'

/** Encoders for the y-websocket messages the server sends. Each result is sent as one frame. */

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** Sync step 2 around an update that was encoded already (the room caches the common ones). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}

/** An awareness update about zero clients: a no-op for the client that still counts as traffic. */
export const KEEPALIVE_MESSAGE = encodeAwareness(
  (() => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    return encoding.toUint8Array(encoder)
  })(),
)

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, 0) // y-protocols/auth: messagePermissionDenied
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
}

/** A client message, decoded and checked before anything touches a document. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; decoded: ReturnType<typeof Y.decodeUpdate>; isSyncStep2: boolean }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' }
  | { type: 'auth' }

export interface AwarenessEntry {
  clientId: number
  clock: number
  /**
   * The state's JSON, still as bytes (a view into the frame): a relayed 1.5 MB state of someone
   * else is skipped without being decoded. `"null"` means "this client left".
   */
  stateJson: Uint8Array
}

export class MalformedMessageError extends Error {}

/**
 * Decodes one frame completely, without applying anything. Yjs 13 can half-apply a malformed
 * update (structs before deletes), so updates are fully decoded here first; trailing bytes,
 * unknown types and truncated varints are all refused.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    const message = decodeBody(type, decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable frame')
  }
}

function decodeBody(type: number, decoder: decoding.Decoder): ClientMessage {
  switch (type) {
    case MESSAGE_SYNC: {
      const subtype = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (subtype === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload)
        return { type: 'syncStep1', stateVector: payload }
      }
      if (subtype === syncProtocol.messageYjsSyncStep2 || subtype === syncProtocol.messageYjsUpdate) {
        return {
          type: 'update',
          update: payload,
          decoded: Y.decodeUpdate(payload),
          isSyncStep2: subtype === syncProtocol.messageYjsSyncStep2,
        }
      }
      throw new MalformedMessageError(`unknown sync message type ${subtype}`)
    }
    case MESSAGE_AWARENESS: {
      const update = decoding.readVarUint8Array(decoder)
      return { type: 'awareness', update, entries: decodeAwarenessEntries(update) }
    }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'queryAwareness' }
    case MESSAGE_AUTH:
      decoding.readVarUint(decoder)
      decoding.readVarString(decoder)
      return { type: 'auth' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

/** Reads the entries' ids and clocks; states stay undecoded (a varString is length + UTF-8 bytes). */
function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    entries.push({ clientId, clock, stateJson: decoding.readVarUint8Array(decoder) })
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness update')
  return entries
}

/** An entry's state, parsed; throws MalformedMessageError for JSON that is not. */
export function awarenessState(entry: AwarenessEntry): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry.stateJson)) as unknown
  } catch {
    throw new MalformedMessageError('awareness state is not JSON')
  }
}

/** Re-encodes awareness entries (after the server dropped the ones a socket may not set). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarUint8Array(encoder, entry.stateJson)
  }
  return encoding.toUint8Array(encoder)
}
