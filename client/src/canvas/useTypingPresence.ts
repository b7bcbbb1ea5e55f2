import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { PERSON_NAME_MAX_LENGTH } from '../../../shared/src/model/session'

/**
 * "Ahmed is aan het typen": while someone edits a note, their awareness state carries
 * `editing: noteId` (the field name agreed with presence, which draws cursors). We set and clear
 * ours, and read everybody else's to label those notes.
 */

/** Names in presence are cut like every person's name (the server's limit). */
const MAX_NAME = PERSON_NAME_MAX_LENGTH

/** Announces which note this person is editing (null: none). */
export function useAnnounceEditing(awareness: Awareness | undefined, noteId: string | null): void {
  useEffect(() => {
    if (!awareness) return
    awareness.setLocalStateField('editing', noteId)
    return () => {
      // Only clear what we set: the state may be gone already when the board closes.
      if (awareness.getLocalState()?.editing === noteId) awareness.setLocalStateField('editing', null)
    }
  }, [awareness, noteId])
}

function readTyping(awareness: Awareness): Map<string, string[]> {
  const byNote = new Map<string, string[]>()
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    const noteId = state?.editing
    if (typeof noteId !== 'string' || noteId.length === 0 || noteId.length > 100) return
    const user = state?.user as { name?: unknown } | undefined
    const name = typeof user?.name === 'string' ? user.name.trim().slice(0, MAX_NAME) : ''
    byNote.set(noteId, [...(byNote.get(noteId) ?? []), name])
  })
  return byNote
}

function sameTyping(a: Map<string, string[]>, b: Map<string, string[]>): boolean {
  if (a.size !== b.size) return false
  for (const [noteId, names] of a) if (b.get(noteId)?.join('\u0000') !== names.join('\u0000')) return false
  return true
}

/** Notes that other people are editing right now, with their names ('' when unknown). */
export function useTypingPeers(awareness: Awareness | undefined): Map<string, string[]> {
  const [typing, setTyping] = useState<Map<string, string[]>>(() => new Map())
  useEffect(() => {
    if (!awareness) return
    const refresh = () => {
      const next = readTyping(awareness)
      setTyping((old) => (sameTyping(old, next) ? old : next))
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return typing
}

/** "Ahmed is aan het typen" per note that others are editing. */
export function typingLabels(
  peers: ReadonlyMap<string, string[]>,
  t: TFunction,
): ReadonlyMap<string, string> {
  return new Map(
    [...peers].map(([noteId, names]) => {
      const known = names.filter(Boolean)
      if (known.length === 0) return [noteId, t('canvas.typingSomeone')]
      return [noteId, t('canvas.typing', { count: known.length, names: known.join(', ') })]
    }),
  )
}
