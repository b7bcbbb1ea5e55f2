/**
 * Average-linkage agglomerative clustering cut at a similarity threshold: the number of groups
 * follows from the notes, not from a setting. The nearest-neighbour chain finds the same
 * dendrogram as the textbook loop in O(n²) time (average linkage is reducible), so 500 notes
 * take milliseconds; the cut then joins every pair of clusters merged at or above the threshold.
 */

export interface Merge {
  /** An original item of each merged cluster. */
  a: number
  b: number
  similarity: number
}

/** Every merge of the full dendrogram, in the order the chain found them (not sorted). */
export function averageLinkageMerges(similarity: Float64Array, n: number): Merge[] {
  // Working copy: row/column of a live cluster hold its average similarity to the others.
  const s = Float64Array.from(similarity)
  // Typed-array reads inside bounds; the fallback only satisfies the index checks.
  const at = (i: number, j: number) => s[i * n + j] ?? 0
  const size = new Int32Array(n).fill(1)
  const alive = new Uint8Array(n).fill(1)
  const merges: Merge[] = []
  const chain: number[] = []
  let remaining = n
  let next = 0
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!alive[next]) next++
      chain.push(next)
    }
    const a = chain[chain.length - 1] ?? 0
    const previous = chain[chain.length - 2] ?? -1
    // The nearest live neighbour of a; ties go to the previous chain element, which ends the chain.
    let best = previous
    let bestSimilarity = previous >= 0 ? at(a, previous) : Number.NEGATIVE_INFINITY
    for (let c = 0; c < n; c++) {
      if (c === a || !alive[c]) continue
      if (at(a, c) > bestSimilarity) {
        best = c
        bestSimilarity = at(a, c)
      }
    }
    if (best !== previous) {
      chain.push(best)
      continue
    }
    chain.length -= 2
    merges.push({ a, b: best, similarity: bestSimilarity })
    // The merged cluster lives on in a's row; Lance–Williams update for average linkage.
    const sizeA = size[a] ?? 1
    const sizeB = size[best] ?? 1
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a || c === best) continue
      const merged = (sizeA * at(a, c) + sizeB * at(best, c)) / (sizeA + sizeB)
      s[a * n + c] = merged
      s[c * n + a] = merged
    }
    size[a] = sizeA + sizeB
    alive[best] = 0
    remaining--
  }
  return merges
}

class UnionFind {
  private readonly parent: Int32Array
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
  }
  find(i: number): number {
    let root = i
    while (this.parent[root] !== root) root = this.parent[root] ?? root
    while (this.parent[i] !== root) {
      const up = this.parent[i] ?? root
      this.parent[i] = root
      i = up
    }
    return root
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b)
  }
}

/** Items joined by a chain of pairs, as lists of indexes (each list ascending, singletons too). */
export function components(n: number, pairs: Iterable<readonly [number, number]>): number[][] {
  const sets = new UnionFind(n)
  for (const [a, b] of pairs) sets.union(a, b)
  const byRoot = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const root = sets.find(i)
    const members = byRoot.get(root)
    if (members) members.push(i)
    else byRoot.set(root, [i])
  }
  return [...byRoot.values()]
}

/** Clusters whose average similarity is at least `threshold`, singletons included. */
export function clusterByThreshold(similarity: Float64Array, n: number, threshold: number): number[][] {
  const merges = averageLinkageMerges(similarity, n)
  const pairs = merges.filter((m) => m.similarity >= threshold).map((m) => [m.a, m.b] as const)
  return components(n, pairs)
}
