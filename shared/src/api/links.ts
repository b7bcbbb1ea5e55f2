/**
 * The links Oogst hands out, built in one place for the server's answers and the app's share and
 * "keep your link" dialogs. Secrets travel in the fragment (`#key=`, `#token=`), which browsers do
 * not send to servers or proxies; the join link carries only the public join code.
 */
const part = (value: string) => encodeURIComponent(value)

export const links = {
  /** The board itself, without rights (the app then asks to join). */
  board: (origin: string, boardId: string) => `${origin}/b/${part(boardId)}`,
  /** The begeleider's link: whoever has it runs the board. */
  facilitator: (origin: string, boardId: string, facilitatorKey: string) =>
    `${links.board(origin, boardId)}#key=${part(facilitatorKey)}`,
  /** A link that carries a token: a co-facilitator, a participant's own device link, the projector. */
  withToken: (origin: string, boardId: string, token: string) =>
    `${links.board(origin, boardId)}#token=${part(token)}`,
  /** What participants open or scan: the join page with the board's code. */
  join: (origin: string, joinCode: string) => `${origin}/j/${part(joinCode)}`,
  /** A community's page for its begeleiders (issue 19): the community key travels in the fragment. */
  community: (origin: string, communityId: string, communityKey: string) =>
    `${origin}/c/${part(communityId)}#key=${part(communityKey)}`,
  /** A note of a session, as a search hit points at it (relative: the app adds its origin). */
  note: (boardId: string, noteId: string) => `/b/${part(boardId)}#note=${part(noteId)}`,
}
