import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { parseRoomName } from '../../../shared/src/rooms'
import { CONTROL_CHANNEL, type ControlMessage, decodeControl, encodeControl } from './control'
import type { Fanout, FanoutHandlers } from './types'

const KIND_UPDATE = 0
const KIND_AWARENESS = 1

/** Channel per room. The room name is parsed first, so no raw input reaches Redis. */
function channelFor(room: string): string {
  if (!parseRoomName(room)) throw new Error(`refusing to subscribe to invalid room name`)
  return `oogst:room:${room}`
}

/**
 * Redis pub/sub fan-out (ioredis). One connection publishes, one subscribes; ioredis reconnects
 * and re-subscribes by itself after Redis restarts. Messages lost meanwhile are found through the
 * sequence numbers and the rooms' periodic catch-up from storage.
 */
export function createRedisFanout(url: string, log: (message: string, error?: unknown) => void): Fanout {
  const instanceId = randomBytes(8).toString('hex')
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false }
  // Named connections make an instance's fan-out visible (and killable) in CLIENT LIST.
  const pub = new Redis(url, { ...options, connectionName: `oogst-pub-${instanceId}` })
  const sub = new Redis(url, { ...options, connectionName: `oogst-sub-${instanceId}` })
  const handlers = new Map<string, FanoutHandlers>()
  let lagMs: number | null = null
  let controlHandler: ((message: ControlMessage) => void) | null = null
  // Every instance listens for control messages from the start; ioredis re-subscribes after a
  // reconnect like it does for the rooms.
  const controlSubscribed = sub.subscribe(CONTROL_CHANNEL)
  controlSubscribed.catch((error) => log('control channel subscription failed', error))
  for (const connection of [pub, sub]) {
    connection.on('error', (error) => log('redis connection error', error))
  }

  sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    if (channel.toString() === CONTROL_CHANNEL) {
      const control = decodeControl(message.toString())
      if (!control) log('ignored an invalid control message')
      else if (control.from !== instanceId) controlHandler?.(control.message)
      return
    }
    const room = channel.toString().slice('oogst:room:'.length)
    const target = handlers.get(room)
    if (!target) return
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      )
      if (decoding.readVarString(decoder) === instanceId) return
      const sentAt = decoding.readFloat64(decoder)
      lagMs = Math.max(0, Date.now() - sentAt)
      const kind = decoding.readVarUint(decoder)
      if (kind === KIND_UPDATE) {
        const fromSeq = decoding.readVarUint(decoder)
        const toSeq = decoding.readVarUint(decoder)
        target.onUpdate(fromSeq, toSeq, decoding.readVarUint8Array(decoder))
      } else if (kind === KIND_AWARENESS) {
        target.onAwareness(decoding.readVarUint8Array(decoder))
      }
    } catch (error) {
      log(`ignored an unreadable fan-out message for ${room}`, error)
    }
  })

  const publish = (room: string, write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, instanceId)
    encoding.writeFloat64(encoder, Date.now())
    write(encoder)
    pub.publish(channelFor(room), Buffer.from(encoding.toUint8Array(encoder))).catch((error) => {
      // A lost message is recovered by the receivers' gap detection; nothing to retry here.
      log(`fan-out publish failed for ${room}`, error)
    })
  }

  return {
    instanceId,
    async join(room, roomHandlers) {
      handlers.set(room, roomHandlers)
      await sub.subscribe(channelFor(room))
    },
    async leave(room) {
      handlers.delete(room)
      await sub.unsubscribe(channelFor(room)).catch(() => {})
    },
    publishUpdate(room, fromSeq, toSeq, update) {
      publish(room, (encoder) => {
        encoding.writeVarUint(encoder, KIND_UPDATE)
        encoding.writeVarUint(encoder, fromSeq)
        encoding.writeVarUint(encoder, toSeq)
        encoding.writeVarUint8Array(encoder, update)
      })
    },
    publishAwareness(room, update) {
      publish(room, (encoder) => {
        encoding.writeVarUint(encoder, KIND_AWARENESS)
        encoding.writeVarUint8Array(encoder, update)
      })
    },
    publishControl(message) {
      pub.publish(CONTROL_CHANNEL, encodeControl(instanceId, message)).catch((error) => {
        // Unlike updates, nothing recovers a lost control message; it is logged for operators.
        log(`control message publish failed for board ${message.boardId}`, error)
      })
    },
    async onControl(handler) {
      controlHandler = handler
      await controlSubscribed
    },
    lastLagMs: () => lagMs,
    async close() {
      handlers.clear()
      controlHandler = null
      sub.disconnect()
      await pub.quit().catch(() => pub.disconnect())
    },
  }
}
