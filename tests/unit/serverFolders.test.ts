import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The server's folders depend on each other in one direction only (issue 16, item 5): the sync
 * core knows nothing of the session rules, board activity or metrics, which register as hooks
 * (server/src/sync/hooks.ts). A folder cycle (sync/connection.ts importing session/ while session/
 * imports sync/) is how that rule broke before; type-only imports count too, since they couple the
 * code just as much. Files at the top of server/src are left out: server.ts wires everything, and
 * config.ts / log.ts are read by every folder.
 */

const SERVER_SRC = path.resolve('server/src')
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

/** server/src/sync/room.ts → 'sync'; top-level files (server.ts, config.ts) and outside → null. */
function nodeOf(file: string): string | null {
  const relative = path.relative(SERVER_SRC, file)
  if (relative.startsWith('..')) return null
  const [first, ...rest] = relative.split(path.sep)
  return rest.length === 0 ? null : (first ?? null)
}

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const file of sourceFiles(SERVER_SRC)) {
    const from = nodeOf(file)
    if (!from) continue
    const edges = graph.get(from) ?? new Map<string, string>()
    graph.set(from, edges)
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]
      if (!specifier?.startsWith('.')) continue
      const target = nodeOf(path.resolve(path.dirname(file), `${specifier}.ts`))
      if (target && target !== from && !edges.has(target)) {
        edges.set(target, path.relative(SERVER_SRC, file))
      }
    }
  }
  return graph
}

/** Every folder cycle, each as 'a → b → a' with the file that makes each step. */
function folderCycles(graph: Map<string, Map<string, string>>): string[] {
  const cycles = new Set<string>()
  // Each cycle is reported once, from its alphabetically first folder.
  const visit = (start: string, node: string, trail: string[]) => {
    for (const [next, file] of graph.get(node) ?? []) {
      const at = trail.indexOf(next)
      if (at === 0) cycles.add(`${[...trail, next].join(' → ')}  (last step in ${file})`)
      else if (at < 0 && next > start) visit(start, next, [...trail, next])
    }
  }
  for (const start of [...graph.keys()].sort()) visit(start, start, [start])
  return [...cycles]
}

describe('server folders', () => {
  const graph = folderGraph()

  it('reads the imports (the sync core and the session rules are both there)', () => {
    expect(graph.get('session')?.has('sync')).toBe(true)
    expect(graph.get('boards')?.size).toBeGreaterThan(0)
  })

  it('have no import cycle between them', () => {
    expect(folderCycles(graph)).toEqual([])
  })

  it('keep the sync core free of the session rules and the HTTP layer', () => {
    const sync = graph.get('sync') ?? new Map()
    expect(sync.has('session')).toBe(false)
    expect(sync.has('http')).toBe(false)
  })
})
