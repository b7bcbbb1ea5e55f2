import { useCallback, useEffect, useState } from 'react'
import { type CommunityPage, getCommunity } from '../api/communityApi'
import { ApiError } from '../api/http'
import { getStoredCommunity, saveCommunity, takeCommunityKeyFromLink } from './communityStorage'

export type CommunityAccess =
  | { kind: 'checking' }
  /** No key on this device (or the server refused it): the page asks for the link. */
  | { kind: 'noKey'; refused: boolean }
  | { kind: 'error'; messageKey: string }
  | { kind: 'ready'; key: string; page: CommunityPage }

/** The i18n key that explains a failed community call in plain words. */
export function communityErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.generic'
  if (error.code === 'network') return 'errors.network'
  if (error.status === 429) return 'errors.tooManyTries'
  if (error.status === 401 || error.status === 403) return 'community.errors.keyRefused'
  if (error.status === 404) return 'community.errors.notFound'
  return 'errors.generic'
}

/**
 * The community page's data: the key from the link or this device, then `GET /api/communities/:id`.
 * `reload` fetches again (after a new session, a status, an edit); `replace` takes an answer the
 * server already sent (PATCH answers with the page).
 */
export function useCommunity(communityId: string): {
  access: CommunityAccess
  reload: () => Promise<void>
  replace: (page: CommunityPage) => void
} {
  const [access, setAccess] = useState<CommunityAccess>({ kind: 'checking' })

  const load = useCallback(async () => {
    takeCommunityKeyFromLink(communityId)
    const key = getStoredCommunity(communityId)?.key
    if (!key) {
      setAccess({ kind: 'noKey', refused: false })
      return
    }
    try {
      const page = await getCommunity(communityId, key)
      saveCommunity(communityId, { name: page.name, lastOpened: Date.now() })
      setAccess({ kind: 'ready', key, page })
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        // A key the server refuses is useless: forget it, so the page asks for the link.
        saveCommunity(communityId, { key: undefined })
        setAccess({ kind: 'noKey', refused: true })
        return
      }
      setAccess((previous) =>
        // Keep the page on screen when a refresh fails; the next action says what went wrong.
        previous.kind === 'ready' ? previous : { kind: 'error', messageKey: communityErrorKey(error) },
      )
    }
  }, [communityId])

  useEffect(() => {
    void load()
  }, [load])

  const replace = useCallback(
    (page: CommunityPage) =>
      setAccess((previous) => (previous.kind === 'ready' ? { ...previous, page } : previous)),
    [],
  )
  return { access, reload: load, replace }
}
