import type { CommunityStore } from './communityTypes'

/**
 * Placeholder while the SQLite and PostgreSQL community storage is being written (issue 19): the
 * memory adapter has it already. Every call rejects. Removed once both adapters implement it.
 */
export function pendingCommunityStore(adapter: string): CommunityStore {
  const pending = async (): Promise<never> => {
    throw new Error(`community storage is not implemented for ${adapter} yet`)
  }
  return {
    createCommunity: pending,
    getCommunity: pending,
    updateCommunity: pending,
    deleteCommunity: pending,
    addCommunitySession: pending,
    communitySessions: pending,
    communityOfBoard: pending,
    upsertCommunityAction: pending,
    communityActions: pending,
    deleteCommunityAction: pending,
    addActionStatus: pending,
    actionStatuses: pending,
    replaceSearchEntries: pending,
    searchIndexedAt: pending,
    searchCommunity: pending,
  }
}
