import * as Y from 'yjs'
import { notesRoot, type RecordMap } from './schema'

/**
 * Emoji reactions on a note: `note.reactions: Y.Map<emoji, Y.Map<participantId, true>>`.
 * A map of participants (not a counter) so that reacting twice is idempotent, taking a reaction
 * back is possible, and two people reacting at the same moment both count.
 *
 * Creating a nested Y.Map is a last-writer-wins write: when two people give the first reaction of
 * a note at the same moment, one of the two maps (and that reaction) is lost. `ensureReactions`
 * therefore creates the maps for all five emoji at once, so the race exists only for the very
 * first reaction on a note; `newReactionsMap` lets note creation remove it entirely.
 */

/** The fixed set, in the order reports and the UI show them. */
export const REACTION_EMOJIS = ['👍', '❤️', '💡', '❓', '🎉'] as const
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number]

const REACTIONS_KEY = 'reactions'
/** Variation selectors: "❤" and "❤️" are the same reaction, whichever a keyboard produced. */
const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g

export function isReactionEmoji(value: unknown): value is ReactionEmoji {
  return typeof value === 'string' && (REACTION_EMOJIS as readonly string[]).includes(value)
}

/** The canonical emoji for a stored key, or null when it is not one of the fixed set. */
export function normalizeReactionEmoji(value: unknown): ReactionEmoji | null {
  if (typeof value !== 'string') return null
  const bare = value.replace(VARIATION_SELECTORS, '')
  return REACTION_EMOJIS.find((emoji) => emoji.replace(VARIATION_SELECTORS, '') === bare) ?? null
}

export interface ReactionTally {
  emoji: ReactionEmoji
  /** Who reacted, sorted, so plain data compares equal between clients. */
  participantIds: string[]
}

/** A reactions map with an (empty) participant map for every emoji: see the race note above. */
export function newReactionsMap(): Y.Map<Y.Map<true>> {
  const reactions = new Y.Map<Y.Map<true>>()
  for (const emoji of REACTION_EMOJIS) reactions.set(emoji, new Y.Map<true>())
  return reactions
}

/** The reactions of a stored note, in the fixed emoji order; emoji nobody chose are left out. */
export function readNoteReactions(note: RecordMap): ReactionTally[] {
  const reactions = note.get(REACTIONS_KEY)
  if (!(reactions instanceof Y.Map)) return []
  const byEmoji = new Map<ReactionEmoji, Set<string>>()
  reactions.forEach((participants: unknown, key: string) => {
    const emoji = normalizeReactionEmoji(key)
    if (!emoji || !(participants instanceof Y.Map)) return
    const set = byEmoji.get(emoji) ?? new Set<string>()
    participants.forEach((value: unknown, participantId: string) => {
      if (value === true && participantId.length > 0) set.add(participantId)
    })
    byEmoji.set(emoji, set)
  })
  return REACTION_EMOJIS.flatMap((emoji) => {
    const set = byEmoji.get(emoji)
    return set && set.size > 0 ? [{ emoji, participantIds: [...set].sort() }] : []
  })
}

export function getNoteReactions(doc: Y.Doc, noteId: string): ReactionTally[] {
  const note = notesRoot(doc).get(noteId)
  return note instanceof Y.Map ? readNoteReactions(note) : []
}

/** The participant map for one emoji, creating the note's reaction maps when they are missing. */
function participantsFor(note: RecordMap, emoji: ReactionEmoji): Y.Map<unknown> {
  let reactions = note.get(REACTIONS_KEY)
  if (!(reactions instanceof Y.Map)) {
    reactions = newReactionsMap()
    note.set(REACTIONS_KEY, reactions)
  }
  const map = reactions as Y.Map<unknown>
  let participants = map.get(emoji)
  if (!(participants instanceof Y.Map)) {
    participants = new Y.Map<unknown>()
    map.set(emoji, participants)
  }
  return participants as Y.Map<unknown>
}

/** Makes sure a note has its reaction maps (call when a note is created or first shown). */
export function ensureReactions(doc: Y.Doc, noteId: string): void {
  const note = notesRoot(doc).get(noteId)
  if (!(note instanceof Y.Map)) return
  doc.transact(() => {
    for (const emoji of REACTION_EMOJIS) participantsFor(note, emoji)
  })
}

export function addReaction(doc: Y.Doc, noteId: string, emoji: ReactionEmoji, participantId: string): void {
  const note = notesRoot(doc).get(noteId)
  if (!(note instanceof Y.Map) || !isReactionEmoji(emoji) || participantId.length === 0) return
  doc.transact(() => {
    const participants = participantsFor(note, emoji)
    if (participants.get(participantId) !== true) participants.set(participantId, true)
  })
}

export function removeReaction(
  doc: Y.Doc,
  noteId: string,
  emoji: ReactionEmoji,
  participantId: string,
): void {
  const note = notesRoot(doc).get(noteId)
  const reactions = note instanceof Y.Map ? note.get(REACTIONS_KEY) : null
  if (!(reactions instanceof Y.Map)) return
  doc.transact(() => {
    // Every stored spelling of the emoji ("❤" and "❤️"), so taking a reaction back always works.
    reactions.forEach((participants: unknown, key: string) => {
      if (normalizeReactionEmoji(key) === emoji && participants instanceof Y.Map) {
        participants.delete(participantId)
      }
    })
  })
}

/** Adds the reaction when the participant has not given it, removes it otherwise; returns the new state. */
export function toggleReaction(
  doc: Y.Doc,
  noteId: string,
  emoji: ReactionEmoji,
  participantId: string,
): boolean {
  const given = getNoteReactions(doc, noteId).some(
    (tally) => tally.emoji === emoji && tally.participantIds.includes(participantId),
  )
  if (given) removeReaction(doc, noteId, emoji, participantId)
  else addReaction(doc, noteId, emoji, participantId)
  return !given
}
