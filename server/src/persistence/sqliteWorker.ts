import { parentPort, workerData } from 'node:worker_threads'
import { createSqlitePersistence } from './sqlite'
import type { Persistence } from './types'

/**
 * Runs the SQLite store on its own thread (see sqliteThreaded.ts): better-sqlite3 is synchronous,
 * and an fsync'd commit would otherwise stall every socket of the server while the disk works.
 */
/** Every method of the store; `kind` is a value and stays on the calling side. */
export type PersistenceMethod = Exclude<keyof Persistence, 'kind'>

export interface WorkerRequest {
  id: number
  method: PersistenceMethod
  args: unknown[]
}

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; name: string; message: string }

const store = createSqlitePersistence((workerData as { dataDir: string }).dataDir)

parentPort?.on('message', async (request: WorkerRequest) => {
  try {
    const method = store[request.method] as (...args: unknown[]) => Promise<unknown>
    const result = await method.apply(store, request.args)
    parentPort?.postMessage({ id: request.id, ok: true, result } satisfies WorkerResponse)
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    parentPort?.postMessage({ id: request.id, ok: false, name, message } satisfies WorkerResponse)
  }
})
