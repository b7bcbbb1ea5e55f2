/**
 * Wire constants of the sync protocol.
 * Close codes follow the y-websocket client's convention: 4400–4499 are final (the client stops
 * reconnecting), everything else is transient (it reconnects with back-off). Message types are the standard y-websocket ones, so the
 * stock `y-websocket` client works unchanged; close codes are Oogst's own (4000–4999 is the range
 * the WebSocket spec leaves to applications) so the client can tell people what happened.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export const CLOSE_CODES = {
  /** Frame larger than MAX_FRAME_BYTES (the standard "message too big"). */
  tooLarge: 1009,
  /** The server is shutting down or moving the room; reconnect. */
  reconnect: 4000,
  /** The frame could not be decoded, or was not a binary y-websocket message. */
  malformed: 4400,
  /** Token revoked or expired while connected. */
  unauthorized: 4401,
  /** The participant was removed from the board (or the facilitator key was changed). */
  removed: 4403,
  /** An edit was refused (locked object, zones, input closed): reload the board from the server. */
  refused: 4409,
  /** The board was deleted. */
  boardDeleted: 4410,
  /** The edit would take the board past a limit (size, number of notes, text length, nesting):
   * not saved; final, the client tells the person and reloads from the server. */
  boardLimit: 4413,
  /** More updates per second than allowed; transient, so the client reconnects after back-off
   * and re-sends what was not saved. */
  tooManyMessages: 4529,
  /** Storage failed; the update was not saved and not shared. Reconnect to retry. */
  storageError: 4500,
} as const
