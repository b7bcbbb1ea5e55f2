import { spawn } from 'node:child_process'
import path from 'node:path'
import type { FloodPlan } from './floodsAttacker'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Runs the attacker in its own process; resolves with what it sent once its time is up. */
export function startFlood(plan: FloodPlan): Promise<{ sent: number; megabytes: number; closes: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/floodsAttacker.ts', JSON.stringify(plan)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  child.stdout.on('data', (chunk) => {
    out += String(chunk)
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? ''))
      } catch {
        reject(new Error(`attacker exited with ${code}: ${out}`))
      }
    })
  })
}
