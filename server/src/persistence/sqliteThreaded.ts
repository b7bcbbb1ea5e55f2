import { Worker } from 'node:worker_threads'
import type { PersistenceMethod, WorkerRequest, WorkerResponse } from './sqliteWorker'
import { DuplicateError, type Persistence } from './types'

/**
 * The methods the proxy forwards to the worker. `satisfies Record<…>` makes this list follow the
 * Persistence interface: a method added there and missing here, or one listed here that the
 * interface no longer has, does not compile (the list was a hand-kept copy before, issue 16).
 */
const FORWARDED = {
  loadRoom: true,
  appendUpdates: true,
  compactRoom: true,
  logLength: true,
  deleteRoom: true,
  createBoard: true,
  getBoard: true,
  getBoardByJoinCode: true,
  deleteBoard: true,
  touchBoard: true,
  inactiveBoardIds: true,
  rotateFacilitatorKey: true,
  revokeParticipant: true,
  isRevoked: true,
  allowParticipant: true,
  revokedParticipants: true,
  setJoinCode: true,
  getSetting: true,
  setSettingIfAbsent: true,
  saveTemplate: true,
  getTemplate: true,
  listTemplates: true,
  updateTemplate: true,
  deleteTemplate: true,
  createCommunity: true,
  getCommunity: true,
  updateCommunity: true,
  deleteCommunity: true,
  addCommunitySession: true,
  communitySessions: true,
  communityOfBoard: true,
  upsertCommunityAction: true,
  communityActions: true,
  deleteCommunityAction: true,
  addActionStatus: true,
  actionStatuses: true,
  replaceSearchEntries: true,
  searchIndexedAt: true,
  searchCommunity: true,
  close: true,
} as const satisfies Record<PersistenceMethod, true>

const METHODS = Object.keys(FORWARDED) as PersistenceMethod[]

/**
 * The SQLite store behind a worker thread. The event loop keeps serving sockets while a commit
 * waits for the disk, and appends queued meanwhile go into the next transaction (bigger group
 * commits). Durability is unchanged: a call resolves only after the worker's commit returned.
 */
export async function createThreadedSqlitePersistence(dataDir: string): Promise<Persistence> {
  // The worker is TypeScript like the rest of the server: a small bootstrap registers tsx in
  // that thread (loader hooks are per thread) and then loads it.
  const entry = new URL('./sqliteWorker.ts', import.meta.url).href
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  const worker = new Worker(bootstrap, { eval: true, workerData: { dataDir } })
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let failure: Error | null = null

  worker.on('message', (response: WorkerResponse) => {
    const call = pending.get(response.id)
    if (!call) return
    pending.delete(response.id)
    if (response.ok) call.resolve(response.result)
    else {
      const error =
        response.name === 'DuplicateError'
          ? new DuplicateError(response.message)
          : new Error(response.message)
      call.reject(error)
    }
  })
  const failAll = (error: Error) => {
    failure = error
    for (const call of pending.values()) call.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`storage thread stopped (exit code ${code})`)))

  const call = (method: PersistenceMethod, args: unknown[]): Promise<unknown> => {
    if (failure) return Promise.reject(failure)
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, method, args } satisfies WorkerRequest)
    })
  }

  // Fail fast (bad DATA_DIR, locked database) instead of on the first request.
  await call('getSetting', ['__startup__'])

  const store = Object.fromEntries(
    METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as Omit<Persistence, 'kind'>
  return {
    ...store,
    kind: 'sqlite',
    async close() {
      await call('close', []).catch(() => {})
      await worker.terminate()
    },
  }
}
