import type { VotingConfig } from '../../shared/src/model'

/** An open board-wide vote with 3 dots each, at most 2 per note; `patch` changes what a test needs. */
export const votingConfig = (patch: Partial<VotingConfig> = {}): VotingConfig => ({
  voteId: 'vote',
  roundId: null,
  open: true,
  perPerson: 3,
  maxPerNote: 2,
  scope: 'board',
  zoneIds: [],
  anonymous: true,
  hideResults: false,
  ...patch,
})
