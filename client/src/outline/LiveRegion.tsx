import type { Announcement } from './useAnnouncer'

/**
 * Always in the DOM (a live region must exist before its text changes, or nothing is read), and
 * visually hidden: sighted people see the change itself. The message node is replaced on every
 * announcement so repeated messages are read again.
 */
export function LiveRegion({ announcement }: { announcement: Announcement }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {announcement.message && <p key={announcement.key}>{announcement.message}</p>}
    </div>
  )
}
