import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

export interface ServerProcess {
  url: string
  port: number
  /** Graceful stop (SIGTERM), waits for exit. */
  stop(): Promise<void>
  /** Hard kill (SIGKILL), waits for exit. */
  kill(): Promise<void>
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * Runs the real server (`node --import tsx server/src/main.ts`) as a child process serving the
 * built client, the way `npm start` does. PORT=0 picks a free port, read back from its first line.
 */
export function startServerProcess(options: {
  dataDir: string
  port?: number
  env?: Record<string, string>
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 30_000)
    let stdout = ''
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk)
      const match = stdout.match(/Oogst listening on (http:\/\/[^\s]+)/)
      if (!match?.[1]) return
      clearTimeout(timer)
      const url = match[1]
      resolve({
        url,
        port: Number(new URL(url).port),
        stop: () => stopChild(child, 'SIGTERM'),
        kill: () => stopChild(child, 'SIGKILL'),
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}\n${stderr}`))
    })
  })
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
