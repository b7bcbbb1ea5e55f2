import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import { useEditor } from '../board/editor/editorContext'
import { noteItemId } from './OutlineNote'
import { OutlineSection, sectionHeadingId } from './OutlineSection'
import './outline.css'

interface OutlineViewProps {
  notes: NoteData[]
  zones: ZoneData[]
  canEdit: boolean
  /**
   * What this person may not change (the session's lock set: locked notes and zones, and the notes
   * in a locked zone; empty for facilitators). Locked notes get no buttons, locked zones no new
   * notes and no notes moved in: the server would refuse those edits.
   */
  locked: ReadonlySet<string>
  /** Published vote tallies by note id, or null while they are hidden. */
  voteResults: Readonly<Record<string, number>> | null
  /** Says something politely to screen reader users (confirmations of their own actions). */
  announce: (message: string) => void
}

/**
 * A lock can arrive while a form is open: then the save is dropped and the reason said, as the
 * server would refuse it (and reload the page). True when refused.
 */
function refused(
  current: {
    locked: ReadonlySet<string>
    zoneIds: ReadonlySet<string>
    announce: (message: string) => void
    t: (key: string) => string
  },
  ...ids: (string | null)[]
): boolean {
  const hit = ids.find((id): id is string => id !== null && current.locked.has(id))
  if (!hit) return false
  current.announce(
    current.zoneIds.has(hit) ? current.t('outline.zoneLocked') : current.t('outline.noteLocked'),
  )
  return true
}

/**
 * The board as a document: every question is a heading with its notes as a list, each note with
 * its author and (once they may be seen) its votes, and buttons to add, change, move and remove
 * notes. Made for screen readers, keyboards and small screens; it edits the same live document as
 * the canvas.
 */
export function OutlineView({ notes, zones, canEdit, locked, voteResults, announce }: OutlineViewProps) {
  const { t } = useTranslation()
  // Where focus goes after the list changed under it (a new, moved or removed note).
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  useEffect(() => {
    if (!focusTarget) return
    document.getElementById(focusTarget)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const zoneIds = new Set(zones.map((zone) => zone.id))
  // Memoised: the notes are memoised components and get this list as a prop.
  const moveTargets = useMemo(() => zones.filter((zone) => !locked.has(zone.id)), [zones, locked])
  const zoneTitle = useCallback(
    (zoneId: string | null) =>
      zones.find((zone) => zone.id === zoneId)?.title ||
      (zoneId ? t('outline.untitledZone') : t('list.noZone')),
    [zones, t],
  )
  const sections = [
    ...zones.map((zone) => ({
      zoneId: zone.id as string | null,
      title: zone.title || t('outline.untitledZone'),
      prompt: zone.prompt,
      notes: notes.filter((note) => note.zoneId === zone.id),
    })),
  ]
  const loose = notes.filter((note) => !note.zoneId || !zoneIds.has(note.zoneId))
  if (loose.length > 0 || zones.length === 0) {
    sections.push({
      zoneId: null,
      title: zones.length === 0 ? t('list.label') : t('list.noZone'),
      prompt: '',
      notes: loose,
    })
  }

  // Stable handlers (reading the latest data from a ref) keep the memoised notes from re-rendering.
  // Every write goes through the board operations, so the note lands in its question on the
  // canvas too (the same flow, the same round, the same undo step).
  const { ops } = useEditor()
  const latest = useRef({ ops, notes, locked, announce, zoneTitle, zoneIds, t })
  latest.current = { ops, notes, locked, announce, zoneTitle, zoneIds, t }

  const onAdd = useCallback((zoneId: string | null, text: string) => {
    if (refused(latest.current, zoneId)) return
    const { ops, announce, zoneTitle, t } = latest.current
    const { id } = ops.addNote({ zoneId, text })
    setFocusTarget(noteItemId(id))
    announce(t('outline.added', { title: zoneTitle(zoneId) }))
  }, [])

  const onSaveText = useCallback((note: NoteData, base: string, text: string) => {
    if (refused(latest.current, note.id)) return
    const { ops, announce, t } = latest.current
    ops.saveText(note.id, base, text)
    announce(t('outline.saved'))
  }, [])

  const onMove = useCallback((note: NoteData, zoneId: string | null) => {
    if (refused(latest.current, note.id, zoneId)) return
    const { ops, announce, zoneTitle, t } = latest.current
    ops.moveToZone([note.id], zoneId)
    setFocusTarget(noteItemId(note.id))
    announce(t('outline.moved', { title: zoneTitle(zoneId) }))
  }, [])

  const onDelete = useCallback((note: NoteData) => {
    if (refused(latest.current, note.id)) return
    const { ops, notes, zoneIds, announce, t } = latest.current
    const siblings = notes.filter((other) => other.zoneId === note.zoneId)
    const index = siblings.findIndex((other) => other.id === note.id)
    const next = siblings[index + 1] ?? siblings[index - 1]
    ops.deleteItems([note.id])
    const inZone = note.zoneId !== null && zoneIds.has(note.zoneId)
    setFocusTarget(next ? noteItemId(next.id) : sectionHeadingId(inZone ? note.zoneId : null))
    announce(t('outline.removed'))
  }, [])

  return (
    <section className="outline" aria-label={t('outline.heading')} data-testid="outline">
      <div className="outline-inner">
        {notes.length === 0 && <p className="outline-empty">{t('list.empty')}</p>}
        {sections.map((section) => (
          <OutlineSection
            key={section.zoneId ?? 'none'}
            {...section}
            zones={moveTargets}
            canEdit={canEdit}
            locked={locked}
            voteResults={voteResults}
            onAdd={onAdd}
            onSaveText={onSaveText}
            onMove={onMove}
            onDelete={onDelete}
          />
        ))}
      </div>
    </section>
  )
}
