import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { nginxConfig } from './nginxConfig'

/**
 * Several Oogst instances behind a real nginx on one port, against PostgreSQL and Redis: the
 * scale-out setup on one machine, for development (`npm run cluster`) and for the tests.
 */
export interface ClusterOptions {
  instances?: number
  databaseUrl: string
  redisUrl: string
  /** Port for nginx; 0 picks a free one. */
  port?: number
  env?: Record<string, string>
}

export interface ClusterInstance {
  port: number
  process: ChildProcess
  kill(signal?: NodeJS.Signals): Promise<void>
}

export interface DevCluster {
  url: string
  instances: ClusterInstance[]
  stop(): Promise<void>
}

const ROOT = path.resolve(import.meta.dirname, '../../..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function startInstance(port: number, env: Record<string, string>): Promise<ClusterInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance on ${port} did not start`)), 30_000)
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('Oogst listening')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`instance on ${port} exited with ${code}`)))
  })
  return {
    port,
    process: child,
    async kill(signal = 'SIGTERM') {
      child.kill(signal)
      await waitForExit(child)
    },
  }
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`nothing listens on ${port}`)
}

export async function startDevCluster(options: ClusterOptions): Promise<DevCluster> {
  const count = options.instances ?? 2
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-cluster-'))
  // All instances must sign and check tokens alike.
  const env = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    OOGST_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: workDir,
    LOG_LEVEL: 'error',
    // Instances listen on 127.0.0.1 behind nginx only: the client address is in X-Forwarded-For,
    // otherwise every participant would count as nginx for the per-address limits.
    TRUST_PROXY: 'true',
    ...options.env,
  }
  const instances: ClusterInstance[] = []
  for (let i = 0; i < count; i++) instances.push(await startInstance(await freePort(), env))
  const listenPort = options.port || (await freePort())
  const confPath = path.join(workDir, 'nginx.conf')
  fs.writeFileSync(
    confPath,
    nginxConfig({ listenPort, upstreamPorts: instances.map((i) => i.port), workDir }),
  )
  const nginxBinary = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'
  const nginx = spawn(nginxBinary, ['-c', confPath, '-p', workDir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitForPort(listenPort)
  return {
    url: `http://127.0.0.1:${listenPort}`,
    instances,
    async stop() {
      nginx.kill('SIGQUIT')
      await waitForExit(nginx)
      await Promise.all(instances.map((instance) => instance.kill('SIGTERM')))
      fs.rmSync(workDir, { recursive: true, force: true })
    },
  }
}
