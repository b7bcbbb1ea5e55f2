import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type CanvasPresence, canvasPresence } from './canvasPresence'
import { type FollowState, PresenceController } from './PresenceController'
import type { PresenceUser, PresenceView } from './presenceState'

/**
 * This person's presence on the board: announces who they are and which view they use, and gives
 * the canvas its presence surface. One controller per awareness (i.e. per connection).
 */
export function usePresence(
  awareness: Awareness,
  user: PresenceUser,
  view: PresenceView,
): { controller: PresenceController; canvas: CanvasPresence } {
  const controller = useMemo(() => new PresenceController(awareness), [awareness])
  const canvas = useMemo(() => canvasPresence(controller), [controller])
  const { name, color, participantId, role } = user

  // biome-ignore lint/correctness/useExhaustiveDependencies: `view` is set by the next effect
  useEffect(() => {
    controller.start({ name, color, participantId, role }, view)
    return () => controller.stop()
  }, [controller, name, color, participantId, role])

  useEffect(() => controller.setView(view), [controller, view])

  return { controller, canvas }
}

export function useFollowState(controller: PresenceController): FollowState {
  return useSyncExternalStore(controller.subscribe, controller.getFollow)
}
