/** The lengths docs/community.md gives for a community's fields (the server's zod schema checks them too). */
export const COMMUNITY_LIMITS = {
  name: 120,
  description: 2000,
  /** A Terugblik status note. */
  statusNote: 280,
} as const
