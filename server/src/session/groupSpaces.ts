import type * as Y from 'yjs'
import { activeGroupStep, groupOf } from '../../../shared/src/groups/peopleGroups'

/**
 * "Groups keep to their own space" (issue 18), enforced on the server like locks: while a group
 * step runs with `keepApart` on, a participant may not write, move or change a note in another
 * group's space, nor move a note into it. Called by writePolicy.ts for each note an update changes.
 */

export const OTHER_GROUPS_SPACE = "this is another group's space"

/** The zone ids of the running step's groups that `participantId` is not in (empty when free). */
export function otherGroupsSpaces(control: Y.Doc, participantId: string): ReadonlySet<string> {
  const step = activeGroupStep(control)
  if (!step?.keepApart) return new Set()
  const own = groupOf(step, participantId)
  return new Set(
    step.groups.flatMap((group) => (group === own || group.zoneId === null ? [] : [group.zoneId])),
  )
}

/** Why changing a note from `zoneBefore` to `zoneAfter` is refused, or null. */
export function groupSpaceRefusal(
  zoneBefore: unknown,
  zoneAfter: unknown,
  others: ReadonlySet<string>,
): string | null {
  if (others.size === 0) return null
  const inOthers = (zoneId: unknown) => typeof zoneId === 'string' && others.has(zoneId)
  return inOthers(zoneBefore) || inOthers(zoneAfter) ? OTHER_GROUPS_SPACE : null
}
