import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { activeGroupStep, type GroupStep, spacesClosedTo } from '../../../shared/src/groups/peopleGroups'

/** The running round's groups (null: no group step now), followed live from the control document. */
export function useGroupStep(control: Y.Doc | null): GroupStep | null {
  const [step, setStep] = useState<GroupStep | null>(() => (control ? activeGroupStep(control) : null))
  useEffect(() => {
    if (!control) return
    // Compared as JSON: the control document changes every second (timer) and a new object each
    // time would re-render every group list for nothing.
    let last = ''
    const update = () => {
      const next = activeGroupStep(control)
      const json = JSON.stringify(next)
      if (json === last) return
      last = json
      setStep(next)
    }
    update()
    control.on('update', update)
    return () => control.off('update', update)
  }, [control])
  return step
}

export const groupsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/groups`

/**
 * The group spaces closed to this person now (other groups' while groups keep apart, their own
 * while they are the inbrenger who listens): the board treats them as locked zones, as the server
 * does (writePolicy.ts), so nothing is offered that it refuses.
 */
export function useOtherGroupsSpaces(control: Y.Doc | null, participantId: string): readonly string[] {
  const key = spacesClosedTo(useGroupStep(control), participantId).join(' ')
  return useMemo(() => (key === '' ? [] : key.split(' ')), [key])
}
