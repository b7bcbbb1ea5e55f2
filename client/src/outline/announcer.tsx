import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import { type Announcement, announce, usePageAnnouncement } from '../components/pageAnnouncer'

export type { Announcement }

/**
 * A polite message for screen readers; render it with `LiveRegion`. Every caller shares the page's
 * one live region (components/pageAnnouncer.ts), so the session and the list view never compete.
 */
export function useAnnouncer(): [Announcement, (message: string) => void] {
  return [usePageAnnouncement(), announce]
}

/**
 * Always in the DOM (a live region must exist before its text changes, or nothing is read), and
 * visually hidden: sighted people see the change itself. The message node is replaced on every
 * announcement so repeated messages are read again.
 */
export function LiveRegion({ announcement }: { announcement: Announcement }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {announcement.message && <p key={announcement.key}>{announcement.message}</p>}
    </div>
  )
}

/** More changes than this at once (e.g. after being offline) are summed up in one sentence. */
const MAX_SEPARATE = 3

/**
 * Tells screen reader users politely what others did: a new note (by whom, in which question), a
 * note moved to another question, a note removed. Changes from this tab are not announced, nor is
 * the board arriving (`ready` false), nor every letter someone types.
 *
 * Who made a change is not in the document; whether it came from elsewhere is: remote updates are
 * non-local Yjs transactions. The notes are compared before and after such a transaction.
 */
export function useRemoteChangeAnnouncements(
  doc: Y.Doc,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  ready: boolean,
  announce: (message: string) => void,
): void {
  const { t } = useTranslation()
  const remoteChange = useRef(false)
  const previous = useRef<ReadonlyMap<string, NoteData> | null>(null)
  const wasReady = useRef(false)

  useEffect(() => {
    const onTransaction = (transaction: Y.Transaction) => {
      if (!transaction.local && transaction.changed.size > 0) remoteChange.current = true
    }
    doc.on('afterTransaction', onTransaction)
    return () => doc.off('afterTransaction', onTransaction)
  }, [doc])

  useEffect(() => {
    const current = new Map(notes.map((note) => [note.id, note]))
    const before = previous.current
    previous.current = current
    const fromElsewhere = remoteChange.current
    remoteChange.current = false
    // The first state after the board arrived is the starting point, not news.
    const starting = !wasReady.current
    wasReady.current = ready
    if (!ready || starting || !before || !fromElsewhere) return

    const zoneTitle = (zoneId: string | null) => zones.find((zone) => zone.id === zoneId)?.title ?? ''
    const messages: string[] = []
    for (const note of notes) {
      const old = before.get(note.id)
      const title = zoneTitle(note.zoneId)
      if (!old) {
        const name = note.authorName || t('outline.someone')
        messages.push(
          title ? t('outline.remoteAdded', { name, title }) : t('outline.remoteAddedNoZone', { name }),
        )
      } else if (old.zoneId !== note.zoneId) {
        messages.push(title ? t('outline.remoteMoved', { title }) : t('outline.remoteMovedNoZone'))
      }
    }
    for (const [id, old] of before) {
      if (current.has(id)) continue
      const name = old.authorName || t('outline.someone')
      messages.push(t('outline.remoteRemoved', { name }))
    }
    if (messages.length === 0) return
    announce(
      messages.length > MAX_SEPARATE
        ? t('outline.remoteMany', { count: messages.length })
        : messages.join(' '),
    )
  }, [notes, zones, ready, announce, t])
}
