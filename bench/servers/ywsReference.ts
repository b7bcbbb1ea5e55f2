import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { setPersistence, setupWSConnection, type WSSharedDoc } from '@y/websocket-server/utils'
import Database from 'better-sqlite3'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { announce } from './common'

/**
 * The reference y-websocket server (@y/websocket-server 0.1.1, `setupWSConnection` from its utils)
 * in a minimal http+ws server, the way its README runs it.
 *
 * Persistence: its built-in option is LevelDB (y-leveldb), whose native module cannot be built
 * offline here, so it gets the equivalent through its own `setPersistence` hook: updates are
 * written *behind* the broadcast (queued, one SQLite transaction per event-loop turn, WAL with
 * synchronous=NORMAL, i.e. not fsync'd per commit — like LevelDB's default non-sync writes), the
 * document is loaded before the first sync step, and compacted to one row when the room empties
 * (which also makes the server drop the room from memory, as it does with any persistence).
 */
const dataDir = process.env.DATA_DIR ?? fs.mkdtempSync('/tmp/bench-yws-')
fs.mkdirSync(dataDir, { recursive: true })
const db = new Database(path.join(dataDir, 'yws.sqlite'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.exec('CREATE TABLE IF NOT EXISTS updates (doc TEXT NOT NULL, id INTEGER PRIMARY KEY, data BLOB NOT NULL)')
db.exec('CREATE INDEX IF NOT EXISTS updates_doc ON updates (doc, id)')
const selectUpdates = db.prepare<[string], { data: Buffer }>(
  'SELECT data FROM updates WHERE doc = ? ORDER BY id',
)
const insertUpdate = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)')
const deleteUpdates = db.prepare('DELETE FROM updates WHERE doc = ?')

let queue: Array<[string, Uint8Array]> = []
let flushScheduled = false
const writeBatch = db.transaction((batch: Array<[string, Uint8Array]>) => {
  for (const [doc, update] of batch) insertUpdate.run(doc, update)
})
function flush(): void {
  flushScheduled = false
  const batch = queue
  queue = []
  if (batch.length > 0) writeBatch(batch)
}
const compact = db.transaction((doc: string, state: Uint8Array) => {
  deleteUpdates.run(doc)
  insertUpdate.run(doc, state)
})

setPersistence({
  provider: db,
  // Synchronous on purpose: the stored state is in the document before sync step 1 is answered.
  bindState: (docName: string, ydoc: WSSharedDoc) => {
    const rows = selectUpdates.all(docName)
    if (rows.length > 0) {
      Y.transact(ydoc, () => {
        for (const row of rows) Y.applyUpdate(ydoc, row.data)
      })
    }
    ydoc.on('update', (update: Uint8Array) => {
      queue.push([docName, update])
      if (!flushScheduled) {
        flushScheduled = true
        setImmediate(flush)
      }
    })
  },
  writeState: async (docName: string, ydoc: WSSharedDoc) => {
    flush()
    compact(docName, Y.encodeStateAsUpdate(ydoc))
  },
})

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' }).end('okay')
})
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
})

announce(server, 'y-websocket-server', async () => {
  flush()
  db.close()
})
