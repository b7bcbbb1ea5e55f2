import fs from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * `npm ci` on a clean clone refuses a lockfile that lacks an optional dependency of a locked
 * package (issue 16: Biome's platform packages were missing, so CI on a fresh machine failed and
 * `npm install` rewrote the tracked lockfile). .ci/run checks it with `npm ci --dry-run`; this is
 * the same rule, readable, in the test command.
 */

interface LockedPackage {
  version?: string
  optionalDependencies?: Record<string, string>
  dependencies?: Record<string, string>
}

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number
  packages: Record<string, LockedPackage>
}
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** Where npm resolves `name` from the package at `from`: its own node_modules, then up the tree. */
function resolves(from: string, name: string): boolean {
  let base = from
  while (true) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true
    if (base === '') return false
    const cut = base.lastIndexOf('/node_modules/')
    base = cut < 0 ? '' : base.slice(0, cut)
  }
}

describe('package-lock.json', () => {
  it('is a v3 lockfile for this package.json: every direct dependency is locked', () => {
    expect(lock.lockfileVersion).toBe(3)
    const direct = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }
    const missing = Object.keys(direct).filter((name) => !lock.packages[`node_modules/${name}`])
    expect(missing).toEqual([])
  })

  it('locks every optional dependency of every locked package, for every platform', () => {
    const missing: string[] = []
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {}))
        if (!resolves(path, name)) missing.push(`${path || '(root)'} → ${name}`)
    }
    expect(missing).toEqual([])
  })
})
