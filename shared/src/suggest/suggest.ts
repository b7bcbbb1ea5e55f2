import { clusterByThreshold, components } from './cluster'
import { type AnalysedText, analyseText } from './text'
import { type SparseVector, similarityMatrix, vectorise } from './vectors'

/**
 * Grouping suggestions (issue 20): which notes of a question are about the same thing, a short
 * name for each group, and which notes say the same thing (near-duplicates, to stack). Notes are
 * grouped per question: a note is never proposed together with a note of another question.
 */

export interface SuggestNote {
  id: string
  text: string
  /** The question the note is in; null for the open board. */
  zoneId: string | null
}

export interface SuggestedGroup {
  zoneId: string | null
  /** A short name from the group's most telling words, as people wrote them. */
  name: string
  noteIds: string[]
  /** Sets of notes (2 or more) in this group that say the same thing. */
  duplicates: string[][]
}

export interface Suggestion {
  groups: SuggestedGroup[]
  /** Notes that fit no group (alone in their own subject, or empty). */
  ungrouped: string[]
}

export interface SuggestOptions {
  /** Minimum average similarity inside a group (0–1). */
  threshold: number
  /** Weight of word stems against character n-grams in the similarity. */
  wordWeight: number
  /** Similarity from which two notes are the same thing said twice. */
  duplicateThreshold: number
}

/** Chosen on tests/fixtures/grouping-nl.json (see bench/suggestQuality.ts). */
export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = {
  threshold: 0.15,
  wordWeight: 0.3,
  duplicateThreshold: 0.75,
}

export function suggestGroups(notes: readonly SuggestNote[], options = DEFAULT_SUGGEST_OPTIONS): Suggestion {
  const byZone = new Map<string | null, SuggestNote[]>()
  for (const note of notes) {
    const list = byZone.get(note.zoneId)
    if (list) list.push(note)
    else byZone.set(note.zoneId, [note])
  }
  const result: Suggestion = { groups: [], ungrouped: [] }
  for (const [zoneId, zoneNotes] of byZone) {
    const zone = suggestForQuestion(zoneNotes, zoneId, options)
    result.groups.push(...zone.groups)
    result.ungrouped.push(...zone.ungrouped)
  }
  return result
}

/** One note that has words, with what the pipeline made of it. */
interface Analysed {
  id: string
  text: AnalysedText
  words: SparseVector
}

function suggestForQuestion(
  notes: readonly SuggestNote[],
  zoneId: string | null,
  options: SuggestOptions,
): Suggestion {
  const analysed = notes.map((note) => ({ id: note.id, text: analyseText(note.text) }))
  const usable = analysed.filter((note) => note.text.grams.length > 0)
  const ungrouped = analysed.filter((note) => note.text.grams.length === 0).map((note) => note.id)
  const vectors = vectorise(usable.map((note) => note.text))
  const similarity = similarityMatrix(vectors, options.wordWeight)
  const items: Analysed[] = usable.map((note, i) => ({ ...note, words: vectors.words[i] ?? new Map() }))
  const n = items.length
  const groups: SuggestedGroup[] = []
  for (const indexes of clusterByThreshold(similarity, n, options.threshold)) {
    const members = indexes.map((i) => items[i] as Analysed)
    if (members.length < 2) {
      ungrouped.push(...members.map((note) => note.id))
      continue
    }
    const pairs: [number, number][] = []
    indexes.forEach((i, x) => {
      indexes.forEach((j, y) => {
        if (x < y && (similarity[i * n + j] ?? 0) >= options.duplicateThreshold) pairs.push([x, y])
      })
    })
    const duplicates = components(members.length, pairs)
      .filter((set) => set.length > 1)
      .map((set) => set.map((x) => members[x]?.id ?? ''))
    groups.push({ zoneId, name: groupName(members), noteIds: members.map((note) => note.id), duplicates })
  }
  // Biggest groups first: that is where harvesting gains most.
  groups.sort((a, b) => b.noteIds.length - a.noteIds.length)
  return { groups, ungrouped }
}

/**
 * The one or two stems that weigh most in the group (TF-IDF summed over its notes, counting
 * only stems that two or more of its notes share when there are any), shown in the form most
 * people wrote them.
 */
function groupName(members: readonly Analysed[]): string {
  const score = new Map<string, number>()
  const notesWith = new Map<string, number>()
  for (const note of members) {
    for (const [stem, weight] of note.words) {
      score.set(stem, (score.get(stem) ?? 0) + weight)
      notesWith.set(stem, (notesWith.get(stem) ?? 0) + 1)
    }
  }
  const shared = [...score.keys()].filter((stem) => (notesWith.get(stem) ?? 0) > 1)
  const candidates = (shared.length > 0 ? shared : [...score.keys()]).sort(
    (a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a.localeCompare(b),
  )
  const [first, second] = candidates
  if (!first) return ''
  let name = displayForm(first, members)
  // A second word only when it is nearly as common in the group as the first; written as a
  // phrase when the notes write the two together ("korte lijntjes"), else as a list.
  if (second && (notesWith.get(second) ?? 0) * 2 >= (notesWith.get(first) ?? 0) && shared.includes(second)) {
    const other = displayForm(second, members)
    const follows = (a: string, b: string) =>
      members.some(({ text }) => text.stems.some((stem, k) => stem === a && text.stems[k + 1] === b))
    if (follows(first, second)) name = `${name} ${other}`
    else if (follows(second, first)) name = `${other} ${name}`
    else name = `${name}, ${other}`
  }
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The most frequent way the group's notes wrote a stem (ties: the shorter, then alphabetical). */
function displayForm(stem: string, members: readonly Analysed[]): string {
  const counts = new Map<string, number>()
  for (const { text } of members) {
    for (const word of text.surfaces.get(stem) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
  )
  return ranked[0]?.[0] ?? stem
}
