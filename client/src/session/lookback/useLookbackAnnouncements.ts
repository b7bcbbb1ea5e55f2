import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteData } from '../../../../shared/src/model'
import type { LookbackEntry } from '../../../../shared/src/model/lookback'
import { ACTION_STATUS_KEY } from '../../community/statusLabels'
import type { SessionView } from '../sessionView'
import { useLookback } from './useLookback'

// Statuses this tab just saved: the form already said "Opgeslagen", so their arrival is not news.
const ownSaves = new Set<string>()

export function markOwnSave(actionId: string, status: string): () => void {
  const key = `${actionId}:${status}`
  ownSaves.add(key)
  return () => ownSaves.delete(key)
}

/** The action in a few words for a sentence: "Fatima: flyer maken" from "Wie: Fatima\nWat: …". */
function shortAction(text: string): string {
  const field = (name: string) => new RegExp(`^\\s*${name}\\s*:\\s*(.+)$`, 'im').exec(text)?.[1]?.trim()
  const who = field('wie') ?? field('who')
  const what = field('wat') ?? field('what')
  if (what) return who ? `${who}: ${what}` : what
  return text.replace(/\s+/g, ' ').slice(0, 60)
}

/**
 * Someone else set a Terugblik status: read it out (quietly: the chip on the note shows it) for
 * screen reader users, on the canvas and in the list. Changes only, never the state found at load.
 */
export function useLookbackAnnouncements(
  control: Y.Doc | null,
  synced: boolean,
  notes: readonly NoteData[],
  say: SessionView['say'],
): void {
  const { t } = useTranslation()
  const entries = useLookback(control)
  const previous = useRef<ReadonlyMap<string, LookbackEntry> | null>(null)
  const latestNotes = useRef(notes)
  latestNotes.current = notes

  useEffect(() => {
    if (!synced) return
    const before = previous.current
    previous.current = entries
    if (!before) return
    for (const [noteId, entry] of entries) {
      const old = before.get(noteId)
      if (!entry.status || (old?.status === entry.status && old?.at === entry.at)) continue
      if (ownSaves.delete(`${entry.actionId}:${entry.status}`)) continue
      const note = latestNotes.current.find((candidate) => candidate.id === noteId)
      say(
        'lookback.changed',
        {
          action: note ? shortAction(note.text) : '',
          status: t(ACTION_STATUS_KEY[entry.status]),
          name: entry.byName || t('lookback.someone'),
        },
        true,
      )
    }
  }, [entries, synced, say, t])
}
