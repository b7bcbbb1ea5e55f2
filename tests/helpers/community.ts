import type { CommunityPage, CreatedCommunity } from '../../shared/src/api/communityAnswers'
import { listZones } from '../../shared/src/model'
import { createNote } from '../../shared/src/model/notes'
import { api, type CreatedBoard, participantIdOf } from './testServer'
import { connectClient, waitFor } from './yclient'

/** Requests of the community API (docs/community.md) as the integration tests make them. */

export type CreatedSession = CreatedBoard & { position: number }

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` })

export async function createCommunity(
  url: string,
  name: string,
  extra: object = {},
): Promise<CreatedCommunity> {
  const { status, body } = await api<CreatedCommunity>(url, 'POST', '/api/communities', { name, ...extra })
  if (status !== 201) throw new Error(`createCommunity failed: ${status} ${JSON.stringify(body)}`)
  return body
}

export async function createSession(
  url: string,
  community: CreatedCommunity,
  body: object,
): Promise<CreatedSession> {
  const { status, body: created } = await api<CreatedSession>(
    url,
    'POST',
    `/api/communities/${community.id}/sessions`,
    body,
    bearer(community.facilitatorKey),
  )
  if (status !== 201) throw new Error(`createSession failed: ${status} ${JSON.stringify(created)}`)
  return created
}

export async function communityPage(url: string, community: CreatedCommunity): Promise<CommunityPage> {
  const { status, body } = await api<CommunityPage>(
    url,
    'GET',
    `/api/communities/${community.id}`,
    undefined,
    bearer(community.facilitatorKey),
  )
  if (status !== 200) throw new Error(`community page failed: ${status} ${JSON.stringify(body)}`)
  return body
}

/**
 * A participant writes notes with a stock y-websocket client into the zone titled `zoneTitle`
 * (as the app does: their own id as author, placed inside the zone); resolves once the server
 * has every note (a second client sees them).
 */
export async function writeNotes(
  wsUrl: string,
  boardId: string,
  token: string,
  zoneTitle: RegExp,
  texts: readonly string[],
): Promise<string[]> {
  const writer = connectClient(wsUrl, boardId, token)
  await writer.synced
  const zone = listZones(writer.doc).find((candidate) => zoneTitle.test(candidate.title))
  if (!zone) throw new Error(`no zone ${zoneTitle} on the board`)
  const authorId = participantIdOf(token)
  const ids = texts.map((text, index) =>
    createNote(writer.doc, {
      text,
      x: zone.x + 20 + (index % 2) * 200,
      y: zone.y + 80 + Math.floor(index / 2) * 200,
      zoneId: zone.id,
      authorId,
      authorName: 'Fatima',
    }),
  )
  const reader = connectClient(wsUrl, boardId, token)
  await reader.synced
  await waitFor(() => ids.every((id) => reader.doc.getMap('notes').has(id)), 5000, 'notes stored')
  writer.destroy()
  reader.destroy()
  return ids
}
