/**
 * Reads a count from a record keyed by note (or person) ids, such as vote tallies or a person's
 * own dots. Ids are chosen by clients, and a plain object answers `constructor`, `toString` or
 * `__proto__` from its prototype (a function, shown as "function Object() { [native code] }"
 * next to a note); only the record's own numeric values count (issue 16, F11).
 */
export function countById(counts: Readonly<Record<string, number>> | null | undefined, id: string): number {
  if (!counts || !Object.hasOwn(counts, id)) return 0
  const value = counts[id]
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}
