import { findPersonalData } from './privacy/detect'
import type { PrivacyFlag, ReportModel } from './types'

/**
 * Privacy in the report: personal data found in notes (privacy/detect.ts), its redaction, and
 * participant names replaced by initials or numbers (privacy/names.ts).
 */

export { isValidBsn, isValidIban } from './privacy/checksums'
export { findPersonalData, type PersonalDataMatch } from './privacy/detect'
export { initialsOf, NAME_MODES, type NameMode, pseudonymiseNames } from './privacy/names'
export { normaliseForMatching } from './privacy/normalise'

/** The text with every match replaced by `mark` ("[verwijderd]"); everything else stays as written. */
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

/**
 * The part of a file name that says personal data was left out, so a redacted download never
 * overwrites (or is mistaken for) the complete one: "oogst-…-zonder-privegegevens-2025-03-12.pdf".
 */
export function privacyFilenameParts(model: Pick<ReportModel, 'redacted'>): string[] {
  return model.redacted ? ['zonder-privegegevens'] : []
}
