import type * as Y from 'yjs'

/**
 * The ONLY place that names the root Yjs types. Everything else goes through the typed accessors
 * in this folder, so a schema change is one edit plus a migration.
 *
 * Content document (room `<boardId>`):
 *   notes: Y.Map<noteId, Y.Map{ text: Y.Text, x, y, width, height, color, zoneId, authorId,
 *                               authorName, createdAt, z?, clusterId?, anonymous?, roundId?,
 *                               reactions?: Y.Map<emoji, Y.Map<participantId, true>> }>
 *   clusters: Y.Map<clusterId, Y.Map{ name, zoneId, createdAt }>
 *   zones: Y.Map<zoneId, Y.Map{ title, prompt, x, y, width, height, color, order }>
 *   shapes: Y.Map<shapeId, Y.Map{ kind, x, y, width, height, text, color, fontSize, fromId, toId,
 *                                 z, authorId, createdAt }>   facilitators' labels, shapes, arrows
 *   meta:  Y.Map{ title, language, schemaVersion, createdAt }
 *
 * Control document (room `<boardId>/control`): session state written only by facilitators.
 *   session: Y.Map{ rounds, roundLog, voteResults, votingAnonymous, facilitatorName,
 *                   participantsEverJoined, facilitatorIds, reportsShared, ... } (timer, locks: facilitation features)
 *     session.lookback: Y.Map<noteId, { actionId, status?, note?, byName?, at? }>  the Terugblik of a
 *                   community's session (issue 19); written by the server only (model/lookback.ts)
 */

export const SCHEMA_VERSION = 1

/** A record stored in a root map: a nested Y.Map whose values are plain JSON or Y.Text. */
export type RecordMap = Y.Map<unknown>

export function notesRoot(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('notes')
}

export function zonesRoot(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('zones')
}

export function shapesRoot(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('shapes')
}

export function clustersRoot(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('clusters')
}

export function metaRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta')
}

export function sessionRoot(controlDoc: Y.Doc): Y.Map<unknown> {
  return controlDoc.getMap<unknown>('session')
}

/** Votes room (`<boardId>/votes`, server only): voteId → participantId → noteId → count. */
export function ballotsRoot(votesDoc: Y.Doc): Y.Map<Y.Map<Y.Map<number>>> {
  return votesDoc.getMap<Y.Map<Y.Map<number>>>('ballots')
}

/**
 * Votes room, next to the ballots: voteId → Y.Map{ anonymous: boolean, names: Y.Map<participantId,
 * name> }, written by the server when a vote opens (and names when someone votes in a named vote).
 * Whether a vote was anonymous is kept here, out of every socket's reach, because facilitators
 * may write the control document's `voting` config: flipping it afterwards must not unmask a vote.
 */
export function voteInfoRoot(votesDoc: Y.Doc): Y.Map<RecordMap> {
  return votesDoc.getMap<RecordMap>('voteInfo')
}

/** Reads a finite number from a record, falling back when a foreign client wrote junk. */
export function readNumber(map: RecordMap, key: string, fallback: number): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function readString(map: RecordMap, key: string, fallback: string): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : fallback
}

/** Prullenbak (votes room, server only): noteId → a copy of a deleted note (server/src/session/trash.ts). */
export function trashRoot(votesDoc: Y.Doc): Y.Map<unknown> {
  return votesDoc.getMap<unknown>('trash')
}
