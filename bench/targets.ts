import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { BENCH_DATABASE_URL, createBenchSchema } from './postgres'
import type { ProbeReply } from './servers/probe'

/** Starts each server under test in its own process and talks to it (readiness, memory, stop). */

export type ServerKind = 'oogst' | 'oogstPg' | 'yws' | 'hocuspocus' | 'relay'
export const ALL_SERVERS: ServerKind[] = ['oogst', 'oogstPg', 'yws', 'hocuspocus', 'relay']
/** Our own deployments (embedded SQLite, PostgreSQL): each is compared with every peer. */
export const OURS: ServerKind[] = ['oogst', 'oogstPg']
export type Protocol = 'y-websocket' | 'hocuspocus' | 'relay'

/** What the load generator needs to reach a server (plain data: it crosses the IPC channel). */
export interface TargetSpec {
  kind: ServerKind
  protocol: Protocol
  /** Base for WebSocket URLs; the room name is appended as a path segment. */
  wsBase: string
  /** Several instances of one deployment (scale-out run): client i connects to wsBases[i % n]. */
  wsBases?: string[]
}

export interface RoomRef {
  name: string
  /** Oogst only: participant tokens for this room, used round robin by its clients. */
  tokens: string[]
}

export interface RunningServer {
  kind: ServerKind
  pid: number
  httpBase: string
  spec: TargetSpec
  dataDir: string
  /** Further processes of the same deployment (the second instance), counted in its CPU. */
  extraPids?: number[]
  /** Event-loop utilisation so far, and memory after a full GC when `mem`. */
  probe(mem: boolean): Promise<ProbeReply>
  stop(): Promise<void>
}

export const ROOT = path.resolve(import.meta.dirname, '..')
const PROBE = pathToFileURL(path.join(ROOT, 'bench/servers/probe.ts')).href

const ENTRY: Record<ServerKind, string> = {
  oogst: 'server/src/main.ts',
  oogstPg: 'server/src/main.ts',
  yws: 'bench/servers/ywsReference.ts',
  hocuspocus: 'bench/servers/hocuspocus.ts',
  relay: 'bench/servers/relay.ts',
}

export const LABEL: Record<ServerKind, string> = {
  oogst: 'Oogst',
  oogstPg: 'Oogst (PostgreSQL)',
  yws: 'y-websocket-server',
  hocuspocus: 'Hocuspocus',
  relay: 'raw ws relay',
}

export interface StartOptions {
  unloadGraceMs: number
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  profileDir?: string | undefined
  /** Extra environment for the server process (e.g. CLIENT_DIR for the browser bench). */
  env?: Record<string, string>
}

export async function startServer(kind: ServerKind, options: StartOptions): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`))
  const nodeArgs = ['--expose-gc', '--max-old-space-size=8192']
  if (options.profileDir) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', options.profileDir)
  nodeArgs.push('--import', 'tsx')
  const ours = OURS.includes(kind)
  if (ours) nodeArgs.push('--import', PROBE)
  // Oogst on PostgreSQL (one instance, no Redis): a schema of its own, dropped when it stops.
  const schema = kind === 'oogstPg' ? await createBenchSchema() : null
  // BENCH_OOGST_ENTRY: run a patched copy of Oogst instead (A/B of a change; read at each start).
  const entry = ours ? (process.env.BENCH_OOGST_ENTRY ?? ENTRY[kind]) : ENTRY[kind]
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      ROOM_UNLOAD_GRACE_MS: String(options.unloadGraceMs),
      // Every bench client comes from 127.0.0.1, where real ones come from many addresses: lift the
      // per-address limits. Per-socket update/awareness rate limits stay at their defaults.
      MAX_CONNECTIONS_PER_IP: '1000000',
      BOARD_CREATES_PER_HOUR: '1000000',
      JOIN_FAILURES_PER_10_MIN: '1000000',
      ...(schema ? { DATABASE_URL: schema.url } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000)
  })
  const httpBase = await waitForListening(child, () => stderr).catch(async (error) => {
    await schema?.drop()
    throw error
  })
  const wsBase = httpBase.replace(/^http/, 'ws') + (ours ? '/sync' : '')
  const protocol: Protocol = kind === 'hocuspocus' ? 'hocuspocus' : kind === 'relay' ? 'relay' : 'y-websocket'
  let nextId = 0
  return {
    kind,
    pid: child.pid as number,
    httpBase,
    dataDir,
    spec: { kind, protocol, wsBase },
    probe: (mem) => requestProbe(child, ++nextId, mem),
    async stop() {
      await stopChild(child)
      if (child.exitCode !== 0 && child.signalCode === null && stderr.trim()) {
        process.stderr.write(`[${kind}] exited with ${child.exitCode}: ${stderr}\n`)
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
      await schema?.drop()
    },
  }
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${stderr()}`)), 30_000)
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk)
      const match = stdout.match(/listening on (http:\/\/[^\s]+)/)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve(match[1])
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening\n${stderr()}`))
    })
  })
}

function requestProbe(child: ChildProcess, id: number, mem: boolean): Promise<ProbeReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage)
      reject(new Error('server probe did not answer'))
    }, 10_000)
    const onMessage = (message: ProbeReply) => {
      if (message?.type !== 'probe' || message.id !== id) return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(message)
    }
    child.on('message', onMessage)
    child.send({ type: 'probe', id, mem })
  })
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Versions of what is under test, read from the installed packages and git. */
export function serverVersions(): Record<ServerKind, string> {
  const version = (pkg: string) => {
    const file = path.join(ROOT, 'node_modules', pkg, 'package.json')
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
  }
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {}
  const own = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version
  return {
    oogst: `oogst ${own} (${commit}), SQLite WAL synchronous=FULL, durable before broadcast`,
    oogstPg: `oogst ${own} (${commit}), PostgreSQL ${BENCH_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}, durable before broadcast`,
    yws: `@y/websocket-server ${version('@y/websocket-server')} + SQLite write-behind (setPersistence)`,
    hocuspocus: `@hocuspocus/server ${version('@hocuspocus/server')} + extension-sqlite ${version('@hocuspocus/extension-sqlite')} (debounced snapshots)`,
    relay: `ws ${version('ws')} rebroadcast, no document, no storage`,
  }
}
