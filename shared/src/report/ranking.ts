import { NOTE_COLOR_HEX } from '../model/colors'
import type { NoteItem } from './blocks'
import type { ReportLabels } from './labels'
import { authorLabel, reactionsText } from './outline'
import type { ReportNote, ReportSection } from './types'

/**
 * Which notes the verslag puts first: the most-voted across the whole board and per question, and
 * within a question the groups and loose notes ordered so that the top notes never end up below
 * a group with fewer votes.
 */

export const byVotesThenTime = (a: ReportNote, b: ReportNote): number =>
  b.votes - a.votes || a.createdAt - b.createdAt || a.id.localeCompare(b.id)

/** The `count` notes with the most votes (ties: written first); notes without votes never count. */
export function topVoted(notes: readonly ReportNote[], count: number): ReportNote[] {
  return notes
    .filter((note) => note.votes > 0)
    .sort(byVotesThenTime)
    .slice(0, count)
}

/** The first `count` notes of a question: most votes first, then the order they were written. */
export function firstNotes(notes: readonly ReportNote[], count: number): ReportNote[] {
  return [...notes].sort(byVotesThenTime).slice(0, count)
}

/**
 * A zone text is a question when its last sentence asks one ("Wat gaat goed?"); anything else
 * ("Schrijf op wat je opviel.") is an instruction and is shown as "Opdracht".
 */
export function isQuestion(prompt: string): boolean {
  return /[?？]["'”’)\]]*$/.test(prompt.trim())
}

/** A part of a question's notes: one group, or the notes in no group. */
export interface NoteUnit {
  /** "Groep: Vervoer · 5 stippen", "Niet gegroepeerd", or null when the question has no groups. */
  title: string | null
  /** The group's name alone, for captions elsewhere (null for loose notes). */
  name: string | null
  notes: ReportNote[]
  votes: number
}

/**
 * Groups and the loose notes ordered by their best note, then by their total: a loose note with
 * 4 votes comes before a group whose best note has 3.
 */
export function orderedUnits(section: ReportSection, labels: ReportLabels): NoteUnit[] {
  const clustered = section.groups.some((group) => group.cluster !== null)
  const units = section.groups.map((group) => {
    const name = group.cluster ? group.cluster.name.trim() || '–' : null
    let title: string | null = null
    if (clustered) {
      title = name === null ? labels.otherNotes : `${labels.cluster}: ${name}`
      if (group.votes > 0) title = `${title} · ${labels.voteCount(group.votes)}`
    }
    return { title, name, notes: group.notes, votes: group.votes, best: group.notes[0]?.votes ?? 0 }
  })
  // Stable: equal units keep the model's order (groups by votes and age, loose notes last).
  units.sort((a, b) => b.best - a.best || b.votes - a.votes)
  return units.map(({ best: _best, ...unit }) => unit)
}

/** Text cut at a word boundary to at most `max` characters, line breaks as spaces. */
export function shorten(text: string, max: number): { text: string; shortened: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return { text: flat, shortened: flat !== text.trim() }
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, shortened: true }
}

/** A note as the document shows it; `briefChars` shortens the text for the summary. */
export function noteItem(note: ReportNote, labels: ReportLabels, context = '', briefChars = 0): NoteItem {
  const empty = note.text.trim() === ''
  const short = briefChars > 0 && !empty ? shorten(note.text, briefChars) : null
  return {
    id: note.id,
    text: empty ? labels.emptyNote : (short?.text ?? note.text),
    empty,
    shortened: short?.shortened ?? false,
    author: authorLabel(note, labels),
    anonymous: note.anonymous,
    votes: note.votes,
    merged: note.mergedCount ?? 1,
    reactions: reactionsText(note),
    color: NOTE_COLOR_HEX[note.color],
    context,
  }
}
