import type { ZoneData } from '../../model/zones'
import type { ReportActionStatus, ReportModel, ReportNote } from '../types'

/**
 * Participant names in a shared report: kept, shortened to initials ("J.d.V.") or numbered
 * ("Deelnemer 1"). A report often leaves the room (to a manager, a funder, the next meeting), and
 * what people said matters there, not who said it. Numbers follow the (random) participant ids:
 * never the names, whose alphabetical order would give people away, and not the notes, which a
 * one-zone report filters, so one person has the same number in every file of a board. Lists of
 * pseudonyms are sorted by pseudonym for the same reason. Facilitators keep their name: they
 * write the report in their role. Names are replaced wherever they appear: authors, the list of
 * participants, agreements ("Wie"), group names, annotations, the facilitator's insights and
 * follow-up, and inside note text.
 */

export const NAME_MODES = ['keep', 'initials', 'numbered'] as const
export type NameMode = (typeof NAME_MODES)[number]

const PARTICIPANT_WORD = { nl: 'Deelnemer', en: 'Participant' } as const
/** A first name that two people share: replacing it by one pseudonym would point at the wrong one. */
const AMBIGUOUS_NAME = { nl: '[naam]', en: '[name]' } as const

/** Name particles: lower case in initials ("J.d.V."), never replaced on their own in text. */
const PARTICLES = new Set([
  'de',
  'van',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  "'t",
  'op',
  'in',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'della',
  'von',
  'zu',
  'el',
  'al',
  'bin',
  'ben',
  'y',
  'e',
])

interface Person {
  id: string
  name: string
}

const words = (name: string) => name.split(/[\s-]+/u).filter((word) => /\p{L}/u.test(word))

export function initialsOf(name: string): string {
  const letters = words(name).map((word) => {
    const first = [...word.replace(/^[^\p{L}]+/u, '')][0] ?? ''
    return PARTICLES.has(word.toLowerCase()) ? first.toLowerCase() : first.toUpperCase()
  })
  return letters.length > 0 ? `${letters.join('.')}.` : '?'
}

/** Participants (not facilitators) and authors missing from the join list, by participant id. */
function peopleOf(model: ReportModel): Person[] {
  const facilitators = new Set(model.session.facilitatorIds)
  const people: Person[] = []
  const add = (id: string, name: string) => {
    if (facilitators.has(id)) return
    const known = people.find((person) => person.id === id)
    if (known) {
      if (!known.name.trim()) known.name = name
      return
    }
    people.push({ id, name })
  }
  for (const person of model.session.participantsEverJoined) add(person.id, person.name)
  for (const note of model.notes) if (note.authorId) add(note.authorId, note.authorName ?? '')
  return people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const byPseudonym = (a: string, b: string) => a.localeCompare(b, 'nl', { numeric: true })

function pseudonymsOf(
  people: Person[],
  mode: Exclude<NameMode, 'keep'>,
  model: ReportModel,
): Map<string, string> {
  const result = new Map<string, string>()
  const used = new Map<string, number>()
  people.forEach((person, index) => {
    if (mode === 'numbered') {
      result.set(person.id, `${PARTICIPANT_WORD[model.language]} ${index + 1}`)
      return
    }
    const initials = initialsOf(person.name)
    const count = (used.get(initials) ?? 0) + 1
    used.set(initials, count)
    result.set(person.id, count === 1 ? initials : `${initials} (${count})`)
  })
  return result
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * A function that replaces every participant's full name (any case) and each part of it (as
 * written, or capitalised: "Fatima", not the word "roos" for a "Roos") by their pseudonym.
 */
function nameReplacer(people: Person[], pseudonyms: Map<string, string>, model: ReportModel) {
  type Variant = { replacement: string; forms: Set<string> | null }
  const variants = new Map<string, Variant>()
  const ambiguous = AMBIGUOUS_NAME[model.language]
  const facilitatorWords = new Set(words(model.facilitatorName).map((word) => word.toLowerCase()))
  for (const person of people) {
    const pseudonym = pseudonyms.get(person.id)
    const full = person.name.trim().replace(/\s+/gu, ' ')
    if (!pseudonym || full === '') continue
    const parts = words(full).filter((word) => [...word].length >= 2 && !PARTICLES.has(word.toLowerCase()))
    if (parts.length > 1) variants.set(full.toLowerCase(), { replacement: pseudonym, forms: null })
    for (const part of parts) {
      const key = part.toLowerCase()
      const existing = variants.get(key)
      const shared = (existing && existing.replacement !== pseudonym) || facilitatorWords.has(key)
      variants.set(key, {
        replacement: shared ? ambiguous : pseudonym,
        forms: new Set([part, capitalised(part)]),
      })
    }
  }
  if (variants.size === 0) return (text: string) => text
  const alternatives = [...variants.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return (text: string) =>
    text.replace(pattern, (match) => {
      const variant = variants.get(match.toLowerCase())
      if (!variant) return match
      if (variant.forms && !variant.forms.has(match)) return match
      return variant.replacement
    })
}

/**
 * The report with participant names replaced (see the top of this file). Pure: returns a new
 * model and leaves the given one as it was. `keep` returns the model itself.
 */
export function pseudonymiseNames(model: ReportModel, mode: NameMode): ReportModel {
  if (mode === 'keep') return model
  const people = peopleOf(model)
  const pseudonyms = pseudonymsOf(people, mode, model)
  const replace = nameReplacer(people, pseudonyms, model)
  // Every note is in `notes` and once more in a section: replace its text once.
  const texts = new Map<string, string>()
  const replaceOnce = (text: string) => {
    const known = texts.get(text)
    if (known !== undefined) return known
    const replaced = replace(text)
    texts.set(text, replaced)
    return replaced
  }
  const note = (original: ReportNote): ReportNote => ({
    ...original,
    text: replaceOnce(original.text),
    authorName:
      original.authorName === null
        ? null
        : (pseudonyms.get(original.authorId ?? '') ?? replace(original.authorName)),
  })
  const zone = (original: ZoneData): ZoneData => ({
    ...original,
    title: replace(original.title),
    prompt: replace(original.prompt),
  })
  const namesLeft = [...people]
  const listedName = (name: string) => {
    const index = namesLeft.findIndex((person) => person.name === name)
    const person = index >= 0 ? namesLeft.splice(index, 1)[0] : undefined
    return (person && pseudonyms.get(person.id)) ?? replace(name)
  }
  // Agreements and the community's actions (issue 19) name who does what.
  const action = <T extends { who: string; what: string; when: string }>(item: T): T => ({
    ...item,
    who: replace(item.who),
    what: replace(item.what),
    when: replace(item.when),
  })
  const status = (entry: ReportActionStatus): ReportActionStatus => ({ ...entry, note: replace(entry.note) })
  // (`names` was null when withheld in older models; keep whatever form it has.)
  const listed = model.participants.names
  return {
    ...model,
    participants: {
      ...model.participants,
      names: listed ? listed.map(listedName).sort(byPseudonym) : listed,
    },
    harvest: {
      ...model.harvest,
      insights: replace(model.harvest.insights),
      followUp: replace(model.harvest.followUp),
    },
    // Zone titles name people too: a groepje's space is "Groepje 3: Anouk, Sjoerd" (issue 18).
    zones: model.zones.map(zone),
    summary: {
      ...model.summary,
      notesPerSection: model.summary.notesPerSection.map((row) => ({ ...row, title: replace(row.title) })),
    },
    clusters: model.clusters.map((cluster) => ({ ...cluster, name: replace(cluster.name) })),
    shapes: model.shapes.map((shape) => ({ ...shape, text: replace(shape.text) })),
    notes: model.notes.map(note),
    ...(model.groupSteps
      ? {
          groupSteps: model.groupSteps.map((step) => ({
            ...step,
            groups: step.groups.map((group) => ({
              ...group,
              title: replace(group.title),
              members: group.members.map((m) => ({ ...m, name: pseudonyms.get(m.id) ?? replace(m.name) })),
              insight: group.insight === null ? null : replaceOnce(group.insight),
            })),
          })),
        }
      : {}),
    ...(model.community
      ? {
          community: {
            ...model.community,
            lookback: model.community.lookback.map((item) => ({
              ...action(item),
              statuses: item.statuses.map(status),
            })),
            followUp: model.community.followUp.map((item) => ({
              ...action(item),
              history: item.history.map(status),
            })),
          },
        }
      : {}),
    sections: model.sections.map((section) => ({
      ...section,
      zone: section.zone ? zone(section.zone) : null,
      groups: section.groups.map((group) => ({
        ...group,
        cluster: group.cluster ? { ...group.cluster, name: replace(group.cluster.name) } : null,
        notes: group.notes.map(note),
      })),
      agreements: section.agreements.map(action),
    })),
    session: {
      ...model.session,
      participantsEverJoined: model.session.participantsEverJoined
        .map((person) => ({
          ...person,
          name: person.name === '' ? '' : (pseudonyms.get(person.id) ?? person.name),
        }))
        .sort((a, b) => byPseudonym(a.name, b.name) || (a.id < b.id ? -1 : 1)),
    },
  }
}
