/**
 * The stems of a search query that can match anything: those with a letter or digit. Stems made
 * of punctuation only (a stray `"` or `*` someone typed) hold no word; FTS5 would ignore them, so
 * every adapter drops them, and a query with none left finds nothing.
 */
export function searchableStems(stems: readonly string[]): string[] {
  // U+0000 ends a string for FTS5's query parser ("unterminated string"): a space instead.
  return stems
    .map((stem) => stem.replaceAll('\u0000', ' ').trim())
    .filter((stem) => /[\p{L}\p{N}]/u.test(stem))
}

/**
 * An FTS5 MATCH expression in which every stem must occur and the last may be the start of a
 * word (someone still typing): `"stem1" "stem2"*`. Each stem is a quoted string with its quotes
 * doubled, so nothing in it (`NEAR(`, `-`, `:`, `*`, `OR`, `^`) is read as FTS5 syntax.
 * Null when no stem is left (the caller answers with no hits instead of querying).
 */
export function ftsMatchExpression(stems: readonly string[]): string | null {
  const terms = searchableStems(stems)
  if (terms.length === 0) return null
  return terms
    .map((term, i) => `"${term.replaceAll('"', '""')}"${i === terms.length - 1 ? '*' : ''}`)
    .join(' ')
}

/** Case and accents folded, as FTS5's unicode61 tokenizer with remove_diacritics 2 does. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

/** How many hits to return: a whole number ≥ 0 (0 for anything that is not a finite number). */
export function searchLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0
}
