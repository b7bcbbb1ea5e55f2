import path from 'node:path'
import { z } from 'zod'
import type { BoardLimits } from './sync/boardLimits'
import type { HeavyWorkOptions } from './work/heavyWork'

/**
 * All configuration comes from environment variables, validated once at start so that a typo
 * stops the server with a clear message instead of surfacing later as odd behaviour.
 */
const portSchema = z.coerce.number().int().min(0).max(65535)
const positiveInt = z.coerce.number().int().positive()

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: 'PUBLIC_URL must be an http(s) URL such as https://oogst.example.nl',
    })
    .optional(),
  OOGST_SECRET: z.string().min(32, 'OOGST_SECRET must be at least 32 characters').optional(),
  MAX_FRAME_BYTES: positiveInt.default(2 * 1024 * 1024),
  ROOM_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  COMPACT_AFTER_UPDATES: positiveInt.default(500),
  GROUP_COMMIT_GAP_MS: z.coerce.number().int().min(0).max(50).default(10),
  TOKEN_TTL_DAYS: positiveInt.default(30),
  CLIENT_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must look like postgres://user@host:5432/database')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must look like redis://host:6379')
    .optional(),
  CATCH_UP_INTERVAL_MS: positiveInt.default(2000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  ALLOWED_ORIGINS: z.string().default(''),
  MAX_CONNECTIONS_PER_IP: positiveInt.default(200),
  WS_UPDATES_PER_SECOND: positiveInt.default(100),
  WS_AWARENESS_PER_SECOND: positiveInt.default(30),
  BOARD_CREATES_PER_HOUR: positiveInt.default(60),
  JOIN_FAILURES_PER_10_MIN: positiveInt.default(10),
  JOINS_PER_MINUTE: positiveInt.default(120),
  RETENTION_DAYS: z.coerce.number().int().min(0).default(90),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  HEAVY_WORK_THREADS: positiveInt.default(1),
  HEAVY_WORK_TIMEOUT_MS: positiveInt.default(120_000),
  HEAVY_WORK_MEMORY_MB: positiveInt.default(1536),
  HEAVY_WORK_MAX_WAITING: positiveInt.default(8),
  BOARD_MAX_BYTES: positiveInt.default(64 * 1024 * 1024),
  BOARD_MAX_NOTES: positiveInt.default(25_000),
  BOARD_MAX_TEXT_LENGTH: positiveInt.default(10_000),
  BOARD_MAX_DEPTH: positiveInt.default(16),
  WS_SYNC_REQUESTS_PER_SECOND: positiveInt.default(2),
  AWARENESS_MAX_STATE_BYTES: positiveInt.default(16 * 1024),
  AWARENESS_BYTES_PER_SECOND: positiveInt.default(256 * 1024),
})

export interface OogstConfig {
  port: number
  host: string
  dataDir: string
  /** Base URL used in links handed out (join links, QR codes). Defaults to the request's origin. */
  publicUrl: string | null
  /** HMAC secret for tokens; when absent it is generated and kept in DATA_DIR. */
  secret: string | null
  maxFrameBytes: number
  roomUnloadGraceMs: number
  compactAfterUpdates: number
  groupCommitGapMs: number
  tokenTtlMs: number
  /** Folder with the built client; null disables static serving (API-only tests). */
  clientDir: string | null
  logLevel: 'silent' | 'error' | 'info' | 'debug'
  /** PostgreSQL instead of SQLite when set (several instances share it). */
  databaseUrl: string | null
  /** Redis pub/sub fan-out between instances when set. */
  redisUrl: string | null
  /** With fan-out: how often a room checks storage for updates whose message was lost. */
  catchUpIntervalMs: number
  /** Boards are deleted this many days after their last activity; 0 keeps them forever. */
  retentionDays: number
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean
  /** Browser origins besides the server's own (and PUBLIC_URL's) that may open sockets. */
  allowedOrigins: string[]
  limits: {
    connectionsPerIp: number
    updatesPerSecond: number
    awarenessPerSecond: number
    boardCreatesPerHour: number
    joinFailuresPer10Min: number
    joinsPerMinute: number
    /** Sync step 1 requests per socket per second (each is answered with the whole board's diff). */
    syncRequestsPerSecond: number
    /** One awareness entry's JSON state; a larger one of the socket's own closes the socket. */
    awarenessMaxStateBytes: number
    /** Awareness bytes per socket per second, over all entries (own and relayed); excess is dropped. */
    awarenessBytesPerSecond: number
  }
  /** Per board (issue 16, F2); see sync/boardLimits.ts. */
  board: BoardLimits
  /** The worker pool for reports and imports (issue 16, F1); see work/heavyWork.ts. */
  heavyWork: HeavyWorkOptions
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OogstConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    secret: e.OOGST_SECRET ?? null,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    roomUnloadGraceMs: e.ROOM_UNLOAD_GRACE_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    groupCommitGapMs: e.GROUP_COMMIT_GAP_MS,
    tokenTtlMs: e.TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000,
    clientDir: e.CLIENT_DIR ? path.resolve(e.CLIENT_DIR) : path.resolve('dist/client'),
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    catchUpIntervalMs: e.CATCH_UP_INTERVAL_MS,
    retentionDays: e.RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY === 'true',
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    limits: {
      connectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
      updatesPerSecond: e.WS_UPDATES_PER_SECOND,
      awarenessPerSecond: e.WS_AWARENESS_PER_SECOND,
      boardCreatesPerHour: e.BOARD_CREATES_PER_HOUR,
      joinFailuresPer10Min: e.JOIN_FAILURES_PER_10_MIN,
      joinsPerMinute: e.JOINS_PER_MINUTE,
      syncRequestsPerSecond: e.WS_SYNC_REQUESTS_PER_SECOND,
      awarenessMaxStateBytes: e.AWARENESS_MAX_STATE_BYTES,
      awarenessBytesPerSecond: e.AWARENESS_BYTES_PER_SECOND,
    },
    board: {
      maxRoomBytes: e.BOARD_MAX_BYTES,
      maxNotes: e.BOARD_MAX_NOTES,
      maxTextLength: e.BOARD_MAX_TEXT_LENGTH,
      maxDepth: e.BOARD_MAX_DEPTH,
    },
    heavyWork: {
      threads: e.HEAVY_WORK_THREADS,
      taskTimeoutMs: e.HEAVY_WORK_TIMEOUT_MS,
      taskMemoryMb: e.HEAVY_WORK_MEMORY_MB,
      maxWaiting: e.HEAVY_WORK_MAX_WAITING,
      maxWaitingPerBoard: 2,
    },
  }
}

/** Defaults for tests and embedding, overridable field by field. */
export function testConfig(overrides: Partial<OogstConfig> & { dataDir: string }): OogstConfig {
  return { ...loadConfig({}), port: 0, host: '127.0.0.1', clientDir: null, logLevel: 'error', ...overrides }
}
