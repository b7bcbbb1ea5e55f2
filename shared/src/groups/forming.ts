/**
 * Forming groups of people ("groepjes", issue 18) from the people present when a round starts.
 * Pure: the server calls these with the people it sees connected and stores the result in the
 * control document (peopleGroups.ts). Not to be confused with groups of notes (clusters.ts).
 *
 * Balanced: every group has the asked size or one more or fewer, never someone alone unless the
 * round is "alone" or one person is present (13 people in pairs: 5 pairs and a trio). Larger
 * groups are formed from the previous step's groups, which stay together (pairs join into fours).
 */

/** Biggest size a script may ask for; larger "groups" are the whole room. */
export const GROUP_SIZE_MAX = 12

/** Member ids per group, in a stable order. */
export type Grouping = string[][]

function sizesFor(count: number, groupCount: number): number[] {
  const base = Math.floor(count / groupCount)
  const extra = count % groupCount
  return Array.from({ length: groupCount }, (_, index) => base + (index < extra ? 1 : 0))
}

/**
 * The sizes of the groups for `count` people in groups of `size`, largest first. Of the two
 * nearest group counts, the one whose sizes stay closest to `size` wins; on a tie the one with
 * fewer groups (13 in pairs: 3+2+2+2+2+2, not six pairs and one person alone).
 */
export function balancedSizes(count: number, size: number): number[] {
  if (count <= 0) return []
  const target = Math.max(1, Math.min(GROUP_SIZE_MAX, Math.round(size)))
  if (target === 1) return Array.from({ length: count }, () => 1)
  const fewer = Math.max(1, Math.floor(count / target))
  const candidates = [fewer, fewer + 1].filter((groups) => groups <= count)
  const deviation = (groups: number) =>
    Math.max(...sizesFor(count, groups).map((groupSize) => Math.abs(groupSize - target)))
  const best = candidates.reduce((chosen, groups) =>
    deviation(groups) < deviation(chosen) ? groups : chosen,
  )
  return sizesFor(count, best)
}

/** A small seeded generator (mulberry32), so the same step shuffles the same way on every retry. */
function seededRandom(seed: string): () => number {
  let state = 0
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed)
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other] as T, copy[index] as T]
  }
  return copy
}

export interface FormOptions {
  /** Shuffles who is with whom; the same seed and people give the same groups. */
  seed?: string
  /**
   * The previous step's groups: when they are smaller than `size`, they stay together and are
   * joined (pairs into fours). People not in them count as groups of one.
   */
  previous?: Grouping
}

/** Groups of `size` (see balancedSizes) for the people with these ids. */
export function formGroups(peopleIds: readonly string[], size: number, options: FormOptions = {}): Grouping {
  const people = [...new Set(peopleIds)]
  const seed = options.seed ?? ''
  const sizes = balancedSizes(people.length, size)
  const previous = (options.previous ?? [])
    .map((group) => group.filter((id) => people.includes(id)))
    .filter((group) => group.length > 0)
  const joinPrevious = previous.length > 0 && previous.every((group) => group.length < size)
  if (!joinPrevious) {
    const order = shuffled(people, seed)
    let start = 0
    return sizes.map((groupSize) => {
      const group = order.slice(start, start + groupSize)
      start += groupSize
      return group
    })
  }
  const grouped = new Set(previous.flat())
  const units = [
    ...previous,
    ...shuffled(
      people.filter((id) => !grouped.has(id)),
      seed,
    ).map((id) => [id]),
  ]
  // Largest unit first into the group with the fewest people: sizes stay balanced, units whole.
  const groups: Grouping = sizes.map(() => [])
  for (const unit of [...units].sort((a, b) => b.length - a.length)) {
    const smallest = groups.reduce((chosen, group) => (group.length < chosen.length ? group : chosen))
    smallest.push(...unit)
  }
  return groups.filter((group) => group.length > 0)
}

/** Where a late joiner goes: their own group if already placed, else the smallest group. */
export function placeLateJoiner(groups: Grouping, personId: string, size: number): Grouping {
  if (groups.some((group) => group.includes(personId))) return groups
  if (size <= 1 || groups.length === 0) return [...groups, [personId]]
  const smallest = groups.reduce((chosen, group) => (group.length < chosen.length ? group : chosen))
  // A full house (every group already one over size) gets a new group rather than a five in pairs.
  if (smallest.length > size) return [...groups, [personId]]
  return groups.map((group) => (group === smallest ? [...group, personId] : group))
}

/**
 * Someone left for good (removed by the facilitator, or not back at the next step): they leave
 * their group, empty groups go, and a person left alone in a step that is not "alone" joins the
 * smallest other group.
 */
export function removeMember(groups: Grouping, personId: string, size: number): Grouping {
  const left = groups.find((group) => group.includes(personId))
  if (!left) return groups
  const rest = left.filter((id) => id !== personId)
  const others = groups.filter((group) => group !== left)
  if (rest.length === 0) return others
  if (size <= 1 || rest.length > 1 || others.length === 0) {
    return groups.map((group) => (group === left ? rest : group))
  }
  const smallest = others.reduce((chosen, group) => (group.length < chosen.length ? group : chosen))
  return others.map((group) => (group === smallest ? [...group, ...rest] : group))
}

/** Moves a person to group `toIndex` (or a new group when it is `groups.length`). */
export function moveMember(groups: Grouping, personId: string, toIndex: number): Grouping {
  if (toIndex < 0 || toIndex > groups.length) return groups
  const moved = groups.map((group, index) =>
    index === toIndex
      ? [...group.filter((id) => id !== personId), personId]
      : group.filter((id) => id !== personId),
  )
  if (toIndex === groups.length) moved.push([personId])
  return moved.filter((group) => group.length > 0)
}
