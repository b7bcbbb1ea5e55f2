import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { RoomRef, TargetSpec } from '../targets'

/**
 * One real Yjs client per connection, whatever the server: the npm `y-websocket` provider (Oogst
 * and the reference server), `@hocuspocus/provider` (Hocuspocus), or for the raw relay a minimal
 * client that sends the same y-websocket frames and applies what it receives to its Y.Doc.
 */
export interface BenchClient {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Resolves when the first sync completed (relay: when the socket is open). */
  readonly synced: Promise<void>
  /** Bytes received over the socket (only counted when asked for). */
  bytesIn(): number
  /** performance.now() when the first message over 1 kB arrived (the document), if counted. */
  bigMessageAt(): number | null
  /**
   * Stops decoding what arrives (after the handshake): from now on frames are only counted, like a
   * phone that is on the board but whose work we do not need to simulate. Keeps the generator's own
   * CPU low so a rate ramp measures the server (issue 17).
   */
  lean(): void
  /** Frames and bytes received since `lean()` (0 for a full client). */
  leanTraffic(): { frames: number; bytes: number }
  /**
   * Oogst: who the token says this client is. Its notes carry that id and name, as the app's do;
   * other authors are corrected by the server (a server change per new note), which is not what
   * a board's edits cost.
   */
  readonly author?: { id: string; name: string }
  destroy(): void
}

/** The participant id and name inside an Oogst token (its payload is base64url JSON). */
function tokenAuthor(token: string): { id: string; name: string } | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
    return typeof claims.participantId === 'string' && typeof claims.name === 'string'
      ? { id: claims.participantId, name: claims.name }
      : undefined
  } catch {
    return undefined
  }
}

/** Counts what a lean client receives. */
class LeanCounter {
  frames = 0
  bytes = 0
  add(data: unknown): void {
    this.frames++
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) this.bytes += data.byteLength
    else if (Array.isArray(data)) for (const part of data) this.bytes += (part as Buffer).byteLength
  }
  traffic() {
    return { frames: this.frames, bytes: this.bytes }
  }
}

type Counter = { bytes: number; bigAt: number | null }

/** A `ws` WebSocket that counts received bytes into `counter`. */
function countingSocket(counter: Counter): typeof WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const size = Array.isArray(data)
          ? data.reduce((sum, part) => sum + part.byteLength, 0)
          : data.byteLength
        counter.bytes += size
        if (size > 1024 && counter.bigAt === null) counter.bigAt = performance.now()
      })
    }
  }
  return CountingWebSocket as unknown as typeof WebSocket
}

export function connectClient(
  spec: TargetSpec,
  room: RoomRef,
  index: number,
  countBytes = false,
): BenchClient {
  const counter: Counter = { bytes: 0, bigAt: null }
  const lean = new LeanCounter()
  const Socket = countBytes ? countingSocket(counter) : WebSocket
  const doc = new Y.Doc()
  if (spec.protocol === 'relay') return relayClient(`${spec.wsBase}/${room.name}`, doc, Socket, counter, lean)
  if (spec.protocol === 'hocuspocus') {
    // A lean client stops reading messages, so the provider's "no message for 30 s → reconnect"
    // check would fire; messages still arrive, the check just does not see them.
    const socket = new HocuspocusProviderWebsocket({
      url: spec.wsBase,
      WebSocketPolyfill: Socket,
      messageReconnectTimeout: 24 * 3600_000,
    })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room.name, document: doc })
    provider.attach()
    const synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve()
      else provider.on('synced', () => resolve())
    })
    return {
      doc,
      awareness: provider.awareness as awarenessProtocol.Awareness,
      synced,
      bytesIn: () => counter.bytes,
      bigMessageAt: () => counter.bigAt,
      lean() {
        // The shared socket still answers pings and routes by document name (a string peek);
        // the provider, which decodes and applies, is bypassed.
        provider.onMessage = (event: MessageEvent) => lean.add(event.data)
      },
      leanTraffic: () => lean.traffic(),
      destroy() {
        provider.destroy()
        socket.destroy()
        doc.destroy()
      },
    }
  }
  const token = room.tokens.length > 0 ? room.tokens[index % room.tokens.length] : undefined
  const base = spec.wsBases?.length ? (spec.wsBases[index % spec.wsBases.length] as string) : spec.wsBase
  const provider = new WebsocketProvider(base, room.name, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.on('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    awareness: provider.awareness,
    synced,
    ...(token ? { author: tokenAuthor(token) } : {}),
    bytesIn: () => counter.bytes,
    bigMessageAt: () => counter.bigAt,
    lean() {
      const ws = provider.ws
      if (!ws) return
      ws.onmessage = (event: MessageEvent) => {
        // Keeps the provider's "no message for 30 s → reconnect" check satisfied.
        provider.wsLastMessageReceived = Date.now()
        lean.add(event.data)
      }
    },
    leanTraffic: () => lean.traffic(),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1

/** Raw-relay client: y-websocket frames straight over a socket, no sync handshake. */
function relayClient(
  url: string,
  doc: Y.Doc,
  Socket: typeof WebSocket,
  counter: Counter,
  lean: LeanCounter,
): BenchClient {
  const ws = new Socket(url)
  const awareness = new awarenessProtocol.Awareness(doc)
  const remote = {}
  const send = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === remote) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    send(encoding.toUint8Array(encoder))
  }
  const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin !== 'local') return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    const changed = added.concat(updated, removed)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed))
    send(encoding.toUint8Array(encoder))
  }
  doc.on('update', onUpdate)
  awareness.on('update', onAwareness)
  ws.binaryType = 'nodebuffer'
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) {
      const subtype = decoding.readVarUint(decoder)
      if (subtype !== syncProtocol.messageYjsSyncStep1) {
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), remote)
      }
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), remote)
    }
  })
  ws.on('error', () => {})
  const synced = new Promise<void>((resolve) => ws.once('open', () => resolve()))
  return {
    doc,
    awareness,
    synced,
    bytesIn: () => counter.bytes,
    bigMessageAt: () => counter.bigAt,
    lean() {
      ws.removeAllListeners('message')
      ws.on('message', (data: Buffer) => lean.add(data))
    },
    leanTraffic: () => lean.traffic(),
    destroy() {
      awareness.destroy()
      doc.off('update', onUpdate)
      ws.close()
      doc.destroy()
    },
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
