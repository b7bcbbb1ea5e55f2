import { type ReactNode, useCallback, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { findPersonalData, NAME_MODES, type NameMode } from '../../../../shared/src/report/privacy'
import type { PrivacyFlag, PrivacyKind, ReportModel } from '../../../../shared/src/report/types'

interface FlaggedNote {
  noteId: string
  text: string
  zoneTitle: string | null
  kinds: PrivacyKind[]
  /** The matched texts, for a note whose text we do not have (should not happen). */
  matches: string[]
}

function flaggedNotes(flags: readonly PrivacyFlag[], model: ReportModel | null): FlaggedNote[] {
  const notes = new Map(model?.notes.map((note) => [note.id, note]))
  const zones = new Map(model?.zones.map((zone) => [zone.id, zone.title]))
  const byNote = new Map<string, FlaggedNote>()
  for (const flag of flags) {
    let entry = byNote.get(flag.noteId)
    if (!entry) {
      const note = notes.get(flag.noteId)
      entry = {
        noteId: flag.noteId,
        text: note?.text ?? '',
        zoneTitle: note?.zoneId ? (zones.get(note.zoneId) ?? null) : null,
        kinds: [],
        matches: [],
      }
      byNote.set(flag.noteId, entry)
    }
    if (!entry.kinds.includes(flag.kind)) entry.kinds.push(flag.kind)
    entry.matches.push(flag.text)
  }
  return [...byNote.values()]
}

/** The note text with every piece of personal data in a <mark> (text nodes only, never HTML). */
function Highlighted({ text, matches, redact }: { text: string; matches: string[]; redact: boolean }) {
  const { t } = useTranslation()
  const found = findPersonalData(text)
  if (found.length === 0) {
    // No text to show the matches in: list them instead.
    return <>{matches.map((match) => `“${match}”`).join(', ')}</>
  }
  const parts: ReactNode[] = []
  let at = 0
  for (const match of found) {
    if (match.start > at) parts.push(text.slice(at, match.start))
    parts.push(
      <mark
        key={match.start}
        className={`privacy-mark${redact ? ' redacted' : ''}`}
        data-testid="privacy-match"
        data-kind={match.kind}
        title={redact ? t('export.flags.willBeRemoved') : t(`export.flags.kind.${match.kind}`)}
      >
        {match.text}
      </mark>,
    )
    at = match.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}

/**
 * Personal data the server found in notes (phone numbers, e-mail addresses, bank accounts, BSNs,
 * postcodes with a house number), one entry per note with the matches marked, so the facilitator
 * sees what is left out of the report (or decides to keep it, or changes the note on the board).
 */
export function PrivacyFlags({
  flags,
  model,
  redact,
  headingId,
}: {
  flags: readonly PrivacyFlag[]
  /** The report without redaction: the note texts as they are on the board. */
  model: ReportModel | null
  redact: boolean
  headingId: string
}) {
  const { t } = useTranslation()
  const notes = flaggedNotes(flags, model)
  if (notes.length === 0) {
    return (
      <p className="privacy-none" data-testid="privacy-none">
        <span id={headingId}>{t('export.flags.none')}</span>
      </p>
    )
  }
  return (
    <div className="privacy-flags" data-testid="privacy-flags">
      <h3 id={headingId}>{t('export.flags.title', { count: notes.length })}</h3>
      <p className="privacy-intro">{redact ? t('export.flags.introRedacted') : t('export.flags.intro')}</p>
      <ul className="privacy-list">
        {notes.map((note) => (
          <li
            key={note.noteId}
            className="privacy-item"
            data-testid="privacy-flag"
            data-note-id={note.noteId}
          >
            <p className="privacy-kinds">
              {note.kinds.map((kind) => t(`export.flags.kind.${kind}`)).join(', ')}
              {note.zoneTitle?.trim() && (
                <span className="privacy-zone"> · {t('export.flags.inZone', { zone: note.zoneTitle })}</span>
              )}
            </p>
            <p className="privacy-text" dir="auto">
              <Highlighted text={note.text} matches={note.matches} redact={redact} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

export interface PrivacyChoices {
  /** Leave personal data out of the preview and the files. */
  redact: boolean
  names: NameMode
  /** The facilitator chose to keep flagged personal data in the report. */
  keptOnPurpose: boolean
  /** Personal data was found (null until the first preview arrived). */
  flagged: boolean | null
  setRedact: (value: boolean) => void
  setNames: (mode: NameMode) => void
  /** Tell the choices what the latest preview found. */
  seeFlags: (flags: readonly PrivacyFlag[] | null) => void
}

/**
 * Privacy by default: when personal data is flagged, it is left out unless the facilitator
 * actively unticks the box; until the first preview says whether anything was found, the
 * dialog asks for the redacted report, so no unredacted file can be downloaded by accident.
 */
export function usePrivacyChoices(): PrivacyChoices {
  const [chosen, setChosen] = useState<boolean | null>(null)
  const [flagged, setFlagged] = useState<boolean | null>(null)
  const [names, setNames] = useState<NameMode>('keep')
  const seeFlags = useCallback((flags: readonly PrivacyFlag[] | null) => {
    if (flags) setFlagged(flags.length > 0)
  }, [])
  const redact = chosen ?? flagged ?? true
  return {
    redact,
    names,
    keptOnPurpose: flagged === true && chosen === false,
    flagged,
    setRedact: setChosen,
    setNames,
    seeFlags,
  }
}

/** "Privégegevens weglaten" (on by default when something was found) and "Namen van deelnemers". */
export function PrivacyChoiceControls({ choices }: { choices: PrivacyChoices }) {
  const { t } = useTranslation()
  const redactId = useId()
  const namesId = useId()
  const namesHintId = useId()
  return (
    <>
      <div className="export-redact">
        <input
          id={redactId}
          type="checkbox"
          checked={choices.redact}
          onChange={(event) => choices.setRedact(event.target.checked)}
          data-testid="export-redact"
        />
        <label htmlFor={redactId}>
          <span className="export-redact-label">{t('export.redact')}</span>
          <span className="export-redact-hint">{t('export.redactHint')}</span>
        </label>
      </div>
      {choices.keptOnPurpose && (
        <p className="export-redact-kept" role="status" data-testid="export-redact-kept">
          {t('export.redactKept')}
        </p>
      )}
      <div className="field export-names">
        <label htmlFor={namesId}>{t('export.names.label')}</label>
        <select
          id={namesId}
          value={choices.names}
          aria-describedby={namesHintId}
          onChange={(event) => choices.setNames(event.target.value as NameMode)}
          data-testid="export-names"
        >
          {NAME_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`export.names.${mode}`)}
            </option>
          ))}
        </select>
        <span className="export-redact-hint" id={namesHintId}>
          {t('export.names.hint')}
        </span>
      </div>
    </>
  )
}
