import type { OogstConfig } from './config'

export type Log = (message: string, error?: unknown) => void

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const

/** Plain line logging to stderr: messages with an error are errors, the rest is info. */
export function createLog(level: OogstConfig['logLevel']): Log {
  const threshold = LEVELS[level]
  return (message, error) => {
    const wanted = error === undefined ? LEVELS.info : LEVELS.error
    if (wanted > threshold) return
    const detail =
      error instanceof Error ? `: ${error.message}` : error === undefined ? '' : `: ${String(error)}`
    process.stderr.write(`${new Date().toISOString()} ${message}${detail}\n`)
  }
}
