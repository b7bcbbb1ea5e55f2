import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A real y-websocket client (the npm package, unchanged) running in Node. */
export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>
  destroy(): void
}

export function connectClient(wsUrl: string, room: string, token: string, doc = new Y.Doc()): YClient {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Polls `check` until it is truthy or the time is up; returns how long it took (ms). */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<number> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return performance.now() - start
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
