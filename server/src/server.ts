import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readRoleOverride } from '../../shared/src/model/facilitation'
import { getReportsShared } from '../../shared/src/model/session'
import { contentRoom, controlRoom, parseRoomName } from '../../shared/src/rooms'
import { createTokenService, generateSecret } from './auth/tokens'
import { BoardService } from './boards/boardService'
import { type CommunityRetention, retentionSweeper, sweepInactive } from './boards/retention'
import { TemplateService } from './boards/templateService'
import { CommunityService } from './community/communityService'
import { lookbackGuard } from './community/lookbackGuard'
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
import { BoardPresence } from './session/presence'
import { SessionService } from './session/sessionService'
import { type OpenSocket, StandpointsAccess } from './session/standpoints'
import { sessionRules } from './session/syncRules'
import { createAccessEvents } from './sync/accessEvents'
import { combineExtensions, type SyncExtension } from './sync/hooks'
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
  readonly communities: CommunityService
  /** One retention sweep as the hourly one makes it (tests pass a later `now`). */
  sweepRetention(now?: number): Promise<{ boards: string[]; communities: string[] }>
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
  const templates = new TemplateService(store)
  let draining = false
  // Services that need each other get closures over the ones declared further down: every
  // dependency is a required constructor argument (a forgotten one does not compile), and a call
  // before the service exists throws instead of silently doing nothing. None is called before
  // listen().
  const boards = new BoardService(store, tokens, {
    events: {
      endAccess: (boardId, target, reason) => accessEvents.board.endAccess(boardId, target, reason),
      deleted: (boardId) => accessEvents.board.deleted(boardId),
    },
    // A role a facilitator changed after the token was issued wins over the token's.
    roleResolver: (boardId, participantId) =>
      rooms.read(controlRoom(boardId), (doc) => readRoleOverride(doc, participantId)),
  })
  const metrics = createMetrics({
    connections: () => syncServer.connections.size,
    roomsLoaded: () => rooms.loadedRooms().length,
    logLength: () => rooms.loadedRooms().reduce((sum, room) => sum + room.uncompactedUpdates, 0),
    fanoutLagMs: () => fanout?.lastLagMs() ?? null,
  })
  const presence = new BoardPresence()
  // Issue 18: the inbrenger reads their group's private standpoints while that step runs.
  const standpoints: StandpointsAccess = new StandpointsAccess(
    () => rooms,
    (): Iterable<OpenSocket> => syncServer.connections,
  )
  const updateMetrics: SyncExtension = {
    onUpdatesStored: (_room, count) => metrics.updatesTotal.inc(count),
  }
  // Board activity (retention reads it), the drafts counts and the session's record of who joined.
  const boardActivity: SyncExtension = {
    onJoin: (claims, room) => {
      if (room.kind === 'content')
        session.recordJoin(claims.boardId, claims.participantId, claims.name, claims.role)
    },
    onUpdatesStored: (room) => {
      const address = parseRoomName(room)
      if (address) boards.touch(address.boardId)
      if (address?.kind === 'drafts' && address.participantId)
        session.draftsChanged(address.boardId, address.participantId)
    },
  }
  // What the sync core calls (sync/hooks.ts), in this order.
  const hooks = combineExtensions([
    sessionRules,
    lookbackGuard,
    new PlacementGuard(log),
    presence,
    standpoints,
    updateMetrics,
    boardActivity,
  ])
  const rooms = new RoomManager(store, {
    hooks,
    compactAfterUpdates: config.compactAfterUpdates,
    commitGapMs: config.groupCommitGapMs,
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
  // The app answers requests on this server once it exists (below); upgrades go to the sync server.
  const server = http.createServer()
  const syncServer = new SyncServer(server, rooms, {
    maxFrameBytes: config.maxFrameBytes,
    authorize: (token, boardId) => boards.verifyAccess(token, boardId),
    grantRead: standpoints.grantRead,
    hooks,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    limits: config.limits,
    onRefused: (reason) => metrics.framesRefusedTotal.inc({ reason }),
    log,
  })
  // Revocation, role changes and deletion reach the sockets of every instance (via fan-out).
  const accessEvents = createAccessEvents({
    sync: syncServer,
    rooms,
    boards,
    store,
    log,
    ...(fanout ? { fanout } : {}),
  })
  const session = new SessionService(
    rooms,
    (boardId, participantId) => accessEvents.roleChanged(boardId, participantId),
    // Issue 18: groups are formed from the participants connected to this instance's board room.
    presence.present,
  )
  const heavyWork = new HeavyWork(config.heavyWork, log)
  const communities = new CommunityService({
    store,
    boards,
    // One summary task per community at a time (its key in the pool's per-board queue).
    summarise: async (communityId, sessions) =>
      (await heavyWork.run('sessionSummaries', { sessions }, { boardId: `community:${communityId}` }))
        .summaries,
  })
  // A session's "Back-up" (the same JSON as the report route's format=json), for a community's export.
  const boardBackup = async (boardId: string): Promise<unknown> => {
    const [content, control] = await Promise.all([
      store.loadRoom(contentRoom(boardId)),
      store.loadRoom(controlRoom(boardId)),
    ])
    const input = { board: { content, control }, format: 'json' as const, options: { redact: false } }
    const result = await heavyWork.run('report', input, { boardId })
    if (!result.ok) throw new Error(`backup of ${boardId} failed: ${result.message}`)
    return JSON.parse(new TextDecoder().decode(result.body))
  }
  const app = createApp({
    heavyWork,
    boardLimits: config.board,
    reportsShared: (boardId) => rooms.read(controlRoom(boardId), getReportsShared),
    session,
    communities,
    rooms,
    boardBackup,
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
  server.on('request', app)

  // A community's sessions are kept together and deleted together (docs/privacy.md).
  const communityRetention: CommunityRetention = {
    communityOf: (boardId) => store.communityOfBoard(boardId),
    deleteIfIdle: (communityId, before) => communities.deleteIfIdle(communityId, before),
  }
  const retention = retentionSweeper(boards, communityRetention, config.retentionDays, log)

  return {
    http: server,
    store,
    boards,
    rooms,
    sync: syncServer,
    communities,
    sweepRetention: (now) => sweepInactive(boards, communityRetention, config.retentionDays, now),
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
