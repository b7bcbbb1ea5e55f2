/**
 * Lengths the community routes accept (issue 19), for the server's schemas and the app's forms
 * alike. No zod here: the app imports this file (see limits.ts).
 */
export const COMMUNITY_LIMITS = {
  name: 120,
  description: 2000,
  sessionTitle: 120,
  question: 500,
  statusNote: 280,
  searchMin: 2,
  searchMax: 200,
  searchResults: 100,
} as const
