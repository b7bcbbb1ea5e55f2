import { z } from 'zod'
import { isBoardId, OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import { ROLES } from '../../../shared/src/roles'

/**
 * Control messages: board-wide events every instance must act on, because any of them may hold
 * sockets of the board (access revoked, a role changed, the board deleted). They travel on one
 * fixed channel, so no id from a message ever becomes a channel name; every field is validated
 * before use. A message is a hint, not an authority: receivers re-check storage before they end
 * anyone's access for good (sync/accessEvents.ts), so a forged one can at most force a reconnect.
 */
export const CONTROL_CHANNEL = 'oogst:control'

/** Far above any real message; a larger payload is refused before it is parsed. */
const MAX_CONTROL_BYTES = 1024

const targetSchema = z.union([
  z.literal('everyone'),
  z.object({ participantId: z.string().regex(OBJECT_ID_PATTERN) }).strict(),
  z.object({ role: z.enum(ROLES) }).strict(),
])

const messageSchema = z
  .object({
    boardId: z.string().refine(isBoardId),
    target: targetSchema,
    event: z.enum(['revoked', 'role-changed', 'deleted']),
  })
  .strict()

const envelopeSchema = z
  .object({
    from: z.string().regex(/^[0-9a-f]{16}$/),
    message: messageSchema,
  })
  .strict()

export type ControlMessage = z.infer<typeof messageSchema>

export function encodeControl(from: string, message: ControlMessage): string {
  // Validated on the way out too: a bad id is a bug here, and must not reach other instances.
  return JSON.stringify(envelopeSchema.parse({ from, message }))
}

/** The sender and message, or null for anything that is not a well-formed control message. */
export function decodeControl(raw: string): { from: string; message: ControlMessage } | null {
  if (raw.length > MAX_CONTROL_BYTES) return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = envelopeSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}
