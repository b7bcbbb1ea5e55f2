import type { ActionState, SessionStatus } from '../api/communityApi'

/** The i18n keys of the statuses, one place for the page, the list and the Terugblik. */
export const SESSION_STATUS_KEY: Record<SessionStatus, string> = {
  planned: 'community.sessionStatus.planned',
  running: 'community.sessionStatus.running',
  ended: 'community.sessionStatus.ended',
}

export const ACTION_STATUS_KEY: Record<ActionState, string> = {
  open: 'lookback.status.open',
  done: 'lookback.status.done',
  ongoing: 'lookback.status.ongoing',
  failed: 'lookback.status.failed',
}

/** A date as people write it in the UI language ("4 dec. 2026"). */
export function formatDate(at: number, language: string): string {
  return new Date(at).toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
}
