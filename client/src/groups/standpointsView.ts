import type * as Y from 'yjs'
import {
  activeGroupStep,
  type GroupStep,
  groupOf,
  inbrengerOf,
} from '../../../shared/src/groups/peopleGroups'
import { readLastReveal } from '../../../shared/src/model/facilitation'

/**
 * Whether this step's standpoints still go to the inbrenger only: a standpoints step before the
 * facilitator's reveal. After the reveal they are everyone's, and the screens say so.
 */
export function standpointsPrivate(control: Y.Doc | null, step: GroupStep | null): boolean {
  if (!control || !step?.standpointsToInbrenger) return false
  return (readLastReveal(control)?.at ?? 0) < step.formedAt
}

/**
 * Who besides this person reads their drafts now: the inbrenger of their group in a standpoints
 * step (the drafts card then says so instead of "Alleen voor jou"), else null.
 */
export function standpointsReader(control: Y.Doc | null, participantId: string): string | null {
  const step = control ? activeGroupStep(control) : null
  if (!standpointsPrivate(control, step)) return null
  const group = groupOf(step, participantId)
  const inbrenger = step && group ? inbrengerOf(step, group) : null
  if (!inbrenger || inbrenger.id === participantId) return null
  return inbrenger.name || '?'
}
