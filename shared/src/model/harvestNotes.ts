import type * as Y from 'yjs'
import { readString, sessionRoot } from './schema'

/**
 * The facilitator's own words for the harvest report: the main insights, what happens next and
 * the date of the next meeting. They live in the control document's `session` map, which only
 * facilitators may write (server/src/sync/roomAccess.ts: `control:write`), so a participant can
 * never change the verslag's summary. Plain string fields (not a nested map): two facilitators
 * editing at once each keep the field they changed, with no race over creating a container.
 *   harvestInsights: string   harvestFollowUp: string   harvestNextMeeting: "YYYY-MM-DD" | ""
 */

const INSIGHTS = 'harvestInsights'
const FOLLOW_UP = 'harvestFollowUp'
const NEXT_MEETING = 'harvestNextMeeting'

export const HARVEST_TEXT_MAX_LENGTH = 4000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export interface HarvestNotes {
  /** "Belangrijkste inzichten", as the facilitator wrote them (line breaks kept). */
  insights: string
  /** "Vervolg": what happens next. */
  followUp: string
  /** The next meeting's date as "YYYY-MM-DD", or "" when not planned. */
  nextMeeting: string
}

export const EMPTY_HARVEST_NOTES: HarvestNotes = { insights: '', followUp: '', nextMeeting: '' }

function validDate(value: string): string {
  if (!ISO_DATE.test(value)) return ''
  const time = Date.parse(`${value}T12:00:00Z`)
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value) ? value : ''
}

/** The notes as stored; junk a foreign client wrote reads as empty. */
export function readHarvestNotes(controlDoc: Y.Doc): HarvestNotes {
  const session = sessionRoot(controlDoc)
  return {
    insights: readString(session, INSIGHTS, '').slice(0, HARVEST_TEXT_MAX_LENGTH),
    followUp: readString(session, FOLLOW_UP, '').slice(0, HARVEST_TEXT_MAX_LENGTH),
    nextMeeting: validDate(readString(session, NEXT_MEETING, '')),
  }
}

/** Writes the fields given (a facilitator's control document only). */
export function setHarvestNotes(controlDoc: Y.Doc, patch: Partial<HarvestNotes>): void {
  const session = sessionRoot(controlDoc)
  controlDoc.transact(() => {
    if (patch.insights !== undefined) session.set(INSIGHTS, patch.insights.slice(0, HARVEST_TEXT_MAX_LENGTH))
    if (patch.followUp !== undefined) session.set(FOLLOW_UP, patch.followUp.slice(0, HARVEST_TEXT_MAX_LENGTH))
    if (patch.nextMeeting !== undefined) session.set(NEXT_MEETING, validDate(patch.nextMeeting))
  })
}

export function observeHarvestNotes(controlDoc: Y.Doc, listener: () => void): () => void {
  const session = sessionRoot(controlDoc)
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if ([INSIGHTS, FOLLOW_UP, NEXT_MEETING].some((key) => event.keysChanged.has(key))) listener()
  }
  session.observe(onChange)
  return () => session.unobserve(onChange)
}
