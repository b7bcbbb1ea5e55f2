import type { PrivacyFlag, PrivacyKind } from './types'

/**
 * Personal data that people write on notes without thinking ("bel me: 06-12345678") and that
 * must not end up in a report sent round an organisation. The patterns favour finding too much:
 * a flag is only a suggestion the facilitator reviews, while a miss is a leak.
 */

/** Up to two separators between digits: space, no-break space, dot, dash, slash, ")" as in "(020) 123". */
const SEP = '[ \\t\\u00a0.\\-/)]{0,2}'

const PATTERNS: { kind: PrivacyKind; pattern: RegExp }[] = [
  {
    // Dutch numbers: 0 + 9 digits (06-12345678, 020-1234567, 0347 123456, (020) 1234567) or the
    // international +31 / 0031 form with 9 digits, optionally with the "(0)" people add.
    kind: 'phone',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)31${SEP}(?:\\(0\\)${SEP})?|\\(?0)[1-9](?:${SEP}\\d){8}(?!\\d)`,
      'gu',
    ),
  },
  {
    kind: 'email',
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  },
  {
    // Postcode plus house number (1234 AB 5, 1234AB 12a, 1234 AB 7-2): together they point at one
    // home. Letters must be capitals: "in 2024 en 2025" is not an address.
    kind: 'address',
    pattern:
      /(?<![\p{L}\p{N}])[1-9]\d{3}[ \u00a0]?[A-Z]{2}[ \u00a0]+\d{1,5}(?:[ \u00a0]?[a-zA-Z](?![\p{L}\p{N}])|[-/][\p{L}\p{N}]{1,4})?(?![\p{L}\p{N}])/gu,
  },
]

export interface PersonalDataMatch {
  kind: PrivacyKind
  start: number
  end: number
  text: string
}

/** Every match in `text`, in order; where two patterns overlap, the earlier (then longer) wins. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = []
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0
      found.push({ kind, start, end: start + match[0].length, text: match[0] })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PersonalDataMatch[] = []
  for (const match of found) {
    const last = kept.at(-1)
    if (!last || match.start >= last.end) kept.push(match)
  }
  return kept
}

/** The text with every match replaced by `mark` ("[verwijderd]"). */
export function redactText(text: string, mark: string): string {
  const matches = findPersonalData(text)
  if (matches.length === 0) return text
  let out = ''
  let at = 0
  for (const match of matches) {
    out += text.slice(at, match.start) + mark
    at = match.end
  }
  return out + text.slice(at)
}

/** Flags for a list of notes, in note order. */
export function findPrivacyFlags(notes: readonly { id: string; text: string }[]): PrivacyFlag[] {
  return notes.flatMap((note) =>
    findPersonalData(note.text).map((match) => ({ noteId: note.id, kind: match.kind, text: match.text })),
  )
}
