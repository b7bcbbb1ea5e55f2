import { readStoredRecord, writeStored } from '../storage/safeStorage'

/**
 * What this device remembers about communities: the community key (like a board's facilitator
 * key, the only way back in), its name for the landing page, and whether the person still has to
 * be shown the link once.
 */
export interface StoredCommunity {
  communityId: string
  key?: string
  name?: string
  lastOpened?: number
  /** Made in this browser and the link not yet shown: the page shows it once. */
  linkPrompt?: boolean
}

const COMMUNITIES_KEY = 'oogst.communities'

function readAll(): Record<string, StoredCommunity> {
  return readStoredRecord<StoredCommunity>(COMMUNITIES_KEY)
}

export function getStoredCommunity(communityId: string): StoredCommunity | null {
  return readAll()[communityId] ?? null
}

/** Merges `patch` into what is stored; `undefined` fields are removed. */
export function saveCommunity(
  communityId: string,
  patch: Partial<Omit<StoredCommunity, 'communityId'>>,
): void {
  const all = readAll()
  const next: StoredCommunity = { ...all[communityId], ...patch, communityId }
  for (const key of Object.keys(patch) as (keyof StoredCommunity)[]) {
    if (patch[key as keyof typeof patch] === undefined) delete next[key]
  }
  all[communityId] = next
  writeStored(COMMUNITIES_KEY, JSON.stringify(all))
}

export function forgetCommunity(communityId: string): void {
  const all = readAll()
  delete all[communityId]
  writeStored(COMMUNITIES_KEY, JSON.stringify(all))
}

/** Communities this device can open, most recent first. */
export function listStoredCommunities(): StoredCommunity[] {
  return Object.values(readAll())
    .filter((community) => community.key)
    .sort((a, b) => (b.lastOpened ?? 0) - (a.lastOpened ?? 0))
}

/**
 * A link with `#key=` stores the key and leaves the address bar, so the secret does not end up in
 * screenshots, history or a shared tab. An explicit link wins over what was stored.
 */
export function takeCommunityKeyFromLink(communityId: string): void {
  const key = new URLSearchParams(location.hash.slice(1)).get('key')
  if (!key) return
  saveCommunity(communityId, { key })
  history.replaceState(history.state, '', location.pathname + location.search)
}

/** The community's page link, as shared among co-facilitators. */
export function communityLink(origin: string, communityId: string, key: string): string {
  return `${origin}/c/${encodeURIComponent(communityId)}#key=${encodeURIComponent(key)}`
}

/** The key from a pasted community link (`…/c/<id>#key=…`) or a pasted bare key; null for anything else. */
export function keyFromPasted(text: string): string | null {
  const trimmed = text.trim()
  const fromLink = /#(?:.*&)?key=([^&\s]+)/.exec(trimmed)?.[1]
  let key = trimmed
  if (fromLink) {
    try {
      key = decodeURIComponent(fromLink)
    } catch {
      return null
    }
  }
  return key && /^[A-Za-z0-9_-]+$/.test(key) ? key : null
}
