import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readRoleOverride } from '../../shared/src/model/facilitation'
import { getReportsShared } from '../../shared/src/model/session'
import { controlRoom, parseRoomName } from '../../shared/src/rooms'
import { createTokenService, generateSecret } from './auth/tokens'
import { BoardService } from './boards/boardService'
import { retentionSweeper } from './boards/retention'
import { TemplateService } from './boards/templateService'
import type { OogstConfig } from './config'
import { createRedisFanout } from './fanout/redis'
import type { Fanout } from './fanout/types'
import { createApp } from './http/app'
import { createMetrics } from './http/metrics'
import { createLog, type Log } from './log'
import { createPostgresPersistence } from './persistence/postgres'
import { createThreadedSqlitePersistence } from './persistence/sqliteThreaded'
import type { Persistence } from './persistence/types'
import { PlacementGuard } from './session/placementGuard'
import { SessionService } from './session/sessionService'
import { type AccessEvents, createAccessEvents } from './sync/accessEvents'
import { RoomManager } from './sync/roomManager'
import { SyncServer } from './sync/syncServer'
import { HeavyWork } from './work/heavyWork'

export const VERSION = '0.1.0'

export interface OogstServer {
  readonly http: http.Server
  readonly store: Persistence
  readonly boards: BoardService
  readonly rooms: RoomManager
  readonly sync: SyncServer
  /** Id of this instance on the fan-out bus (null without fan-out). */
  readonly fanoutInstanceId: string | null
  /** Base URL once listening, e.g. http://127.0.0.1:43123 */
  url(): string
  listen(): Promise<void>
  close(): Promise<void>
}

export interface ServerOptions {
  /** Storage to use instead of the configured default (tests pass the memory adapter). */
  store?: Persistence
  /** Fan-out to use instead of the one REDIS_URL configures. */
  fanout?: Fanout
  log?: Log
}

/** Wires storage, auth, HTTP and sync into one server; nothing listens until listen(). */
export async function createOogstServer(
  config: OogstConfig,
  options: ServerOptions = {},
): Promise<OogstServer> {
  const log = options.log ?? createLog(config.logLevel)
  const store =
    options.store ??
    (config.databaseUrl
      ? await createPostgresPersistence({ connectionString: config.databaseUrl })
      : await createThreadedSqlitePersistence(config.dataDir))
  const fanout = options.fanout ?? (config.redisUrl ? createRedisFanout(config.redisUrl, log) : undefined)
  // The secret is generated once and kept with the data, so tokens survive restarts.
  const secret = config.secret ?? (await store.setSettingIfAbsent('token-secret', generateSecret()))
  const tokens = createTokenService(secret, config.tokenTtlMs)
  const boards = new BoardService(store, tokens)
  const templates = new TemplateService(store)
  let sync: SyncServer | null = null
  let draining = false
  const metrics = createMetrics({
    connections: () => sync?.connections.size ?? 0,
    roomsLoaded: () => rooms.loadedRooms().length,
    logLength: () => rooms.loadedRooms().reduce((sum, room) => sum + room.uncompactedUpdates, 0),
    fanoutLagMs: () => fanout?.lastLagMs() ?? null,
  })
  const placement = new PlacementGuard((): RoomManager => rooms, log)
  const rooms = new RoomManager(store, {
    afterStoredApply: placement.afterStoredApply,
    onRoomCreated: placement.onRoomCreated,
    onUpdatesStored: (room, count) => {
      metrics.updatesTotal.inc(count)
      const address = parseRoomName(room)
      if (address) boards.touch(address.boardId)
      if (address?.kind === 'drafts' && address.participantId)
        session.draftsChanged(address.boardId, address.participantId)
    },
    compactAfterUpdates: config.compactAfterUpdates,
    unloadGraceMs: config.roomUnloadGraceMs,
    limits: {
      board: config.board,
      syncRequestsPerSecond: config.limits.syncRequestsPerSecond,
      awarenessMaxStateBytes: config.limits.awarenessMaxStateBytes,
      awarenessBytesPerSecond: config.limits.awarenessBytesPerSecond,
    },
    catchUpIntervalMs: config.catchUpIntervalMs,
    ...(fanout ? { fanout } : {}),
    log,
  })
  let accessEvents: AccessEvents | null = null
  const session = new SessionService(
    rooms,
    (boardId, participantId) => accessEvents?.roleChanged(boardId, participantId),
    // Issue 18: groups are formed from the participants connected to this instance's board room.
    (boardId) =>
      (sync?.matching(boardId, { role: 'participant' }) ?? [])
        .filter((connection) => connection.roomName === boardId)
        .map(({ claims }) => ({ id: claims.participantId, name: claims.name })),
  )
  // A role a facilitator changed after the token was issued wins over the token's.
  boards.roleResolver = (boardId, participantId) =>
    rooms.read(controlRoom(boardId), (doc) => readRoleOverride(doc, participantId))
  const heavyWork = new HeavyWork(config.heavyWork, log)
  const app = createApp({
    heavyWork,
    boardLimits: config.board,
    reportsShared: (boardId) => rooms.read(controlRoom(boardId), getReportsShared),
    session,
    boards,
    templates,
    store,
    tokens,
    publicUrl: config.publicUrl,
    clientDir: config.clientDir,
    startedAt: Date.now(),
    version: VERSION,
    metrics: metrics.registry,
    trustProxy: config.trustProxy,
    limits: config.limits,
    // Ready = not draining and storage answers; load balancers stop sending traffic otherwise.
    isReady: async () =>
      !draining &&
      (await store.getSetting('token-secret').then(
        () => true,
        () => false,
      )),
    log,
  })
  const server = http.createServer(app)
  const syncServer = new SyncServer(server, rooms, boards, {
    maxFrameBytes: config.maxFrameBytes,
    onJoin: (claims, room) => {
      if (room.kind === 'content')
        session.recordJoin(claims.boardId, claims.participantId, claims.name, claims.role)
    },
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    limits: config.limits,
    onRefused: (reason) => metrics.framesRefusedTotal.inc({ reason }),
    log,
  })
  sync = syncServer
  // Revocation, role changes and deletion reach the sockets of every instance (via fan-out).
  accessEvents = createAccessEvents({
    sync: syncServer,
    rooms,
    boards,
    store,
    log,
    ...(fanout ? { fanout } : {}),
  })
  boards.events = accessEvents.board

  const retention = retentionSweeper(boards, config.retentionDays, log)

  return {
    http: server,
    store,
    boards,
    rooms,
    sync: syncServer,
    fanoutInstanceId: fanout?.instanceId ?? null,
    url() {
      const address = server.address() as AddressInfo
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
      return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`
    },
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(config.port, config.host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      retention.start()
    },
    /** Graceful: stop accepting, tell clients to reconnect elsewhere, flush rooms, close storage. */
    async close() {
      draining = true
      retention.stop()
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      syncServer.closeAll()
      server.closeIdleConnections()
      setTimeout(() => server.closeAllConnections(), 2000).unref()
      await stopped
      await rooms.closeAll()
      await heavyWork.close()
      await fanout?.close()
      await store.close()
    },
  }
}
