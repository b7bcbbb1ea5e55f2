import { analyseText, normaliseText } from '../suggest/text'

/**
 * Recurring themes of a community (issue 19): words and note groups that come back in two or more
 * sessions. Words are compared by their Dutch Snowball stem ("buurtbewoners" and "buurtbewoner"
 * are one word) and shown as the form people wrote most; groups by their name, folded (case,
 * accents, punctuation).
 */

export interface RecurringTheme {
  /** The word or group name as people wrote it. */
  label: string
  /** The sessions' positions it occurs in, ascending. */
  positions: number[]
  /** How often it was written over all sessions (words) or the number of sessions (groups). */
  count: number
}

export interface ThemeSource {
  position: number
  /** The session's texts: notes, agreements, insights. */
  texts: readonly string[]
  /** The names of its note groups. */
  groupNames: readonly string[]
}

export const MAX_THEME_WORDS = 15
/** Stems this short ("ga", "wij") say nothing on their own. */
const MIN_STEM_LENGTH = 3

function byRecurrence(a: RecurringTheme, b: RecurringTheme): number {
  return b.positions.length - a.positions.length || b.count - a.count || a.label.localeCompare(b.label)
}

/** The most written form; equal counts: the shortest, then alphabetical. */
function readableForm(forms: Map<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [form, count] of forms) {
    const better =
      count > bestCount ||
      (count === bestCount && (form.length < best.length || (form.length === best.length && form < best)))
    if (better) {
      best = form
      bestCount = count
    }
  }
  return best
}

export function recurringWords(sessions: readonly ThemeSource[], max = MAX_THEME_WORDS): RecurringTheme[] {
  const byStem = new Map<string, { positions: Set<number>; count: number; forms: Map<string, number> }>()
  for (const session of sessions) {
    for (const text of session.texts) {
      const { surfaces } = analyseText(text)
      for (const [stem, written] of surfaces) {
        if (stem.length < MIN_STEM_LENGTH) continue
        let entry = byStem.get(stem)
        if (!entry) {
          entry = { positions: new Set(), count: 0, forms: new Map() }
          byStem.set(stem, entry)
        }
        entry.positions.add(session.position)
        entry.count += written.length
        for (const form of written) entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1)
      }
    }
  }
  const themes: RecurringTheme[] = []
  for (const entry of byStem.values()) {
    if (entry.positions.size < 2) continue
    themes.push({
      label: readableForm(entry.forms),
      positions: [...entry.positions].sort((a, b) => a - b),
      count: entry.count,
    })
  }
  return themes.sort(byRecurrence).slice(0, max)
}

export function recurringGroups(sessions: readonly ThemeSource[]): RecurringTheme[] {
  const byName = new Map<string, { label: string; positions: Set<number> }>()
  for (const session of sessions) {
    for (const name of session.groupNames) {
      const key = normaliseText(name)
      if (key === '') continue
      const entry = byName.get(key) ?? { label: name.trim(), positions: new Set<number>() }
      entry.positions.add(session.position)
      byName.set(key, entry)
    }
  }
  const themes: RecurringTheme[] = []
  for (const { label, positions } of byName.values()) {
    if (positions.size < 2) continue
    themes.push({ label, positions: [...positions].sort((a, b) => a - b), count: positions.size })
  }
  return themes.sort(byRecurrence)
}
