import type { SessionCommandId } from '../session/sessionCommands'
import type { Action } from './types'

/**
 * The facilitator's session commands in the command menu ("ronde", "stemmen", "minuut" …). They
 * run through the same session API as the banner and the facilitator panel, and are listed only
 * when the panel would offer them (`availableSessionCommands`). No shortcuts: a round started by a
 * stray key press would reach every screen in the room.
 */

const LABELS: Record<SessionCommandId, string> = {
  nextRound: 'sessionActions.nextRound',
  pause: 'sessionActions.pause',
  resume: 'sessionActions.resume',
  addMinute: 'sessionActions.addMinute',
  openVoting: 'sessionActions.openVoting',
  closeVoting: 'sessionActions.closeVoting',
  reveal: 'sessionActions.reveal',
}

export const sessionActions: readonly Action[] = (Object.keys(LABELS) as SessionCommandId[]).map((id) => ({
  id: `session.${id}`,
  group: 'session',
  labelKey: LABELS[id],
  enabled: ({ session, state }) => state.isFacilitator && Boolean(session?.available.has(id)),
  perform: ({ session }) => session?.run(id),
}))
