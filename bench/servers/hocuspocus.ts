import fs from 'node:fs'
import path from 'node:path'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'
import { handleStop } from './common'

/**
 * Hocuspocus 4 with its SQLite extension, configured as its documentation shows: defaults for
 * debounce (store 2 s after the last change, at most every 10 s), unloadImmediately (store and
 * unload when the last client leaves) and broadcast coalescing (flushDelay 0). Its SQLite database
 * uses SQLite's defaults (rollback journal, synchronous=FULL) for those debounced snapshot writes;
 * updates are broadcast before they are stored.
 */
const dataDir = process.env.DATA_DIR ?? fs.mkdtempSync('/tmp/bench-hocuspocus-')
fs.mkdirSync(dataDir, { recursive: true })

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
})

await server.listen()
process.stdout.write(`hocuspocus listening on http://127.0.0.1:${server.address.port}\n`)
handleStop(() => server.destroy())
