import type { VotingConfig } from '../../../shared/src/model'
import { countById } from '../../../shared/src/model/countById'

/**
 * When published vote tallies may be shown, in one place, so that the canvas, the banner and the
 * list view never disagree: always once voting is closed (or there is none), and while it is open
 * only when the facilitator did not choose "results only after voting". Hiding them while open
 * keeps people from voting along with the crowd.
 */
export function areResultsVisible(config: VotingConfig | null): boolean {
  return !config?.open || !config.hideResults
}

/** The tallies this person may see now, or null while they are hidden. */
export function visibleVoteResults(
  resultsVisible: boolean,
  results: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> | null {
  return resultsVisible ? results : null
}

/**
 * The count to show next to one note: a positive number, or null when there is nothing to show
 * (results hidden, or no votes). Zero is left out like on the canvas: "0 stemmen" on every note
 * would only be noise in a list read aloud.
 */
export function shownVoteCount(
  results: Readonly<Record<string, number>> | null,
  noteId: string,
): number | null {
  const count = countById(results, noteId)
  return count > 0 ? count : null
}
