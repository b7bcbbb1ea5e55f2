import * as Y from 'yjs'
import { newObjectId } from '../ids'
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteColor } from './colors'
import { newReactionsMap } from './reactions'
import { notesRoot, type RecordMap, readNumber, readString } from './schema'

export const NOTE_DEFAULT_SIZE = { width: 180, height: 180 } as const
export const NOTE_MIN_SIZE = 60
export const NOTE_MAX_TEXT_LENGTH = 5000

/** A sticky note as plain data (a snapshot of its Y.Map). */
export interface NoteData {
  id: string
  text: string
  x: number
  y: number
  width: number
  height: number
  color: NoteColor
  zoneId: string | null
  authorId: string
  authorName: string
  createdAt: number
  /** Stacking order on the canvas: higher is drawn on top ("bring to front"). Optional, default 0. */
  z: number
  /** A begeleider wrote it for this person (someone without a phone): the begeleider's id. */
  enteredBy?: string
}

export interface NewNote {
  x: number
  y: number
  authorId: string
  authorName: string
  text?: string
  width?: number
  height?: number
  color?: NoteColor
  zoneId?: string | null
  createdAt?: number
  z?: number
  /** Callers that import or replay notes pass their own id. */
  id?: string
  /** The round running when the note was written (see docs/api.md: "Rounds"). */
  roundId?: string | null
  /** Written by a begeleider for the author (only facilitators may set it; the server checks). */
  enteredBy?: string
}

/** Adds a note and returns its id. */
export function createNote(doc: Y.Doc, input: NewNote): string {
  const id = input.id ?? newObjectId()
  const note = new Y.Map<unknown>()
  const text = new Y.Text()
  if (input.text) text.insert(0, input.text.slice(0, NOTE_MAX_TEXT_LENGTH))
  doc.transact(() => {
    note.set('text', text)
    note.set('x', input.x)
    note.set('y', input.y)
    note.set('width', input.width ?? NOTE_DEFAULT_SIZE.width)
    note.set('height', input.height ?? NOTE_DEFAULT_SIZE.height)
    note.set('color', input.color ?? DEFAULT_NOTE_COLOR)
    note.set('zoneId', input.zoneId ?? null)
    note.set('authorId', input.authorId)
    note.set('authorName', input.authorName)
    note.set('createdAt', input.createdAt ?? Date.now())
    if (input.z !== undefined && Number.isFinite(input.z)) note.set('z', input.z)
    if (input.roundId) note.set('roundId', input.roundId)
    if (input.enteredBy) note.set('enteredBy', input.enteredBy)
    // Created with the note, so two people giving its first reactions at once both count.
    note.set('reactions', newReactionsMap())
    notesRoot(doc).set(id, note)
  })
  return id
}

/** Converts a stored note to plain data, tolerating fields a foreign client left out. */
export function readNote(id: string, note: RecordMap): NoteData {
  const text = note.get('text')
  const color = note.get('color')
  const zoneId = note.get('zoneId')
  return {
    id,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    x: readNumber(note, 'x', 0),
    y: readNumber(note, 'y', 0),
    width: Math.max(NOTE_MIN_SIZE, readNumber(note, 'width', NOTE_DEFAULT_SIZE.width)),
    height: Math.max(NOTE_MIN_SIZE, readNumber(note, 'height', NOTE_DEFAULT_SIZE.height)),
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    zoneId: typeof zoneId === 'string' ? zoneId : null,
    authorId: readString(note, 'authorId', ''),
    authorName: readString(note, 'authorName', ''),
    createdAt: readNumber(note, 'createdAt', 0),
    z: readNumber(note, 'z', 0),
    ...(typeof note.get('enteredBy') === 'string' ? { enteredBy: note.get('enteredBy') as string } : {}),
  }
}

export function getNote(doc: Y.Doc, id: string): NoteData | null {
  const note = notesRoot(doc).get(id)
  return note instanceof Y.Map ? readNote(id, note) : null
}

/** All notes, oldest first (stable order for lists and rendering). */
export function listNotes(doc: Y.Doc): NoteData[] {
  const notes: NoteData[] = []
  notesRoot(doc).forEach((note, id) => {
    if (note instanceof Y.Map) notes.push(readNote(id, note))
  })
  return notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** The shared text of a note, for collaborative editing in place. */
export function getNoteText(doc: Y.Doc, id: string): Y.Text | null {
  const note = notesRoot(doc).get(id)
  const text = note instanceof Y.Map ? note.get('text') : null
  return text instanceof Y.Text ? text : null
}

/** Replaces the whole text (outline editing, scripts). In-place editing uses Y.Text deltas. */
export function setNoteText(doc: Y.Doc, id: string, value: string): void {
  const text = getNoteText(doc, id)
  if (!text) return
  const next = value.slice(0, NOTE_MAX_TEXT_LENGTH)
  if (text.toString() === next) return
  doc.transact(() => {
    text.delete(0, text.length)
    text.insert(0, next)
  })
}

export type NotePatch = Partial<Pick<NoteData, 'x' | 'y' | 'width' | 'height' | 'color' | 'zoneId' | 'z'>>

export function updateNote(doc: Y.Doc, id: string, patch: NotePatch): void {
  const note = notesRoot(doc).get(id)
  if (!(note instanceof Y.Map)) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && note.get(key) !== value) note.set(key, value)
    }
  })
}

export function deleteNote(doc: Y.Doc, id: string): void {
  notesRoot(doc).delete(id)
}

/** Calls `listener` after any change to any note (including text edits). Returns unsubscribe. */
export function observeNotes(doc: Y.Doc, listener: () => void): () => void {
  const root = notesRoot(doc)
  root.observeDeep(listener)
  return () => root.unobserveDeep(listener)
}
