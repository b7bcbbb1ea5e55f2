import * as Y from 'yjs'
import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../ids'
import { createCluster, setNoteCluster } from '../model/clusters'
import { NOTE_COLORS } from '../model/colors'
import { EMPTY_HARVEST_NOTES, HARVEST_TEXT_MAX_LENGTH, setHarvestNotes } from '../model/harvestNotes'
import { initBoardMeta, LANGUAGES } from '../model/meta'
import { createNote, NOTE_MAX_TEXT_LENGTH } from '../model/notes'
import { addReaction, REACTION_EMOJIS } from '../model/reactions'
import { addRound, ensureRounds, ROUND_MAX_MINUTES, ROUND_MIN_MINUTES } from '../model/rounds'
import { notesRoot } from '../model/schema'
import {
  appendRoundLogEntry,
  ensureSessionState,
  PERSON_NAME_MAX_LENGTH,
  publishVoteResults,
  recordFacilitatorJoined,
  recordParticipantJoined,
  setFacilitatorName,
  setNoteAnonymous,
  setNoteRound,
  setReportsShared,
  setVotingAnonymous,
} from '../model/session'
import { createShape, SHAPE_COLORS, SHAPE_KINDS, SHAPE_TEXT_MAX_LENGTH } from '../model/shapes'
import { createZone } from '../model/zones'
import { MERGED_COUNT } from '../suggest/merge'
import type { ReportModel } from './types'

/**
 * The JSON export: a complete backup of a board that `POST /api/boards/import` turns into a new
 * board. It is rendered from the report model, so it shows exactly what the other formats may
 * show: anonymous notes have no author and redacted text stays redacted. Import validates it with
 * the schema below; every list and string has a limit because the file comes from outside.
 */

export const BACKUP_FORMAT = 'oogst-board'
export const BACKUP_VERSION = 1
export const BACKUP_LIMITS = { notes: 20_000, zones: 500, clusters: 2000, rounds: 200, people: 5000 } as const

const id = z.string().regex(OBJECT_ID_PATTERN, 'must be an id of 1–64 letters, digits, "-" or "_"')
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`)
const coordinate = z.number().finite().min(-1e7).max(1e7)
const time = z.number().finite().min(0)

const zoneSchema = z.strictObject({
  id,
  title: text(500),
  prompt: text(5000),
  x: coordinate,
  y: coordinate,
  width: coordinate,
  height: coordinate,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  order: coordinate,
})

const noteSchema = z.strictObject({
  id,
  text: text(NOTE_MAX_TEXT_LENGTH),
  x: coordinate,
  y: coordinate,
  width: coordinate,
  height: coordinate,
  color: z.enum(NOTE_COLORS),
  zoneId: id.nullable(),
  clusterId: id.nullable(),
  roundId: id.nullable(),
  anonymous: z.boolean(),
  authorId: z.union([id, z.literal('')]),
  authorName: text(PERSON_NAME_MAX_LENGTH),
  createdAt: time,
  z: coordinate,
  reactions: z.partialRecord(z.enum(REACTION_EMOJIS), z.array(id).max(BACKUP_LIMITS.people)),
  /** Near-duplicates merged into this note ("3×"); absent in older backups and ordinary notes. */
  mergedCount: z.number().int().min(2).max(BACKUP_LIMITS.notes).optional(),
})

const shapeSchema = z
  .strictObject({
    id,
    kind: z.enum(SHAPE_KINDS),
    x: coordinate,
    y: coordinate,
    width: coordinate,
    height: coordinate,
    text: text(SHAPE_TEXT_MAX_LENGTH),
    color: z.enum(SHAPE_COLORS),
    fontSize: coordinate,
    fromId: id.nullable(),
    toId: id.nullable(),
    z: coordinate,
    authorId: z.union([id, z.literal('')]),
    createdAt: time,
  })
  .refine(
    (shape) => shape.kind !== 'connector' || (shape.fromId && shape.toId),
    'a connector needs fromId and toId',
  )

const roundSchema = z.strictObject({
  id,
  title: text(120),
  prompt: text(1000),
  zoneIds: z.array(id).max(60),
  minutes: z.number().int().min(ROUND_MIN_MINUTES).max(ROUND_MAX_MINUTES),
  privateWriting: z.boolean(),
  voting: z.boolean(),
})

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: time,
  redacted: z.boolean(),
  board: z.strictObject({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      // Like POST /api/boards: the title is stored as text, and PostgreSQL refuses NUL in it.
      .refine((title) => !title.includes('\u0000'), 'must not contain NUL characters'),
    language: z.enum(LANGUAGES),
    createdAt: time,
  }),
  zones: z.array(zoneSchema).max(BACKUP_LIMITS.zones),
  clusters: z
    .array(z.strictObject({ id, name: text(120), zoneId: id.nullable(), createdAt: time }))
    .max(BACKUP_LIMITS.clusters),
  notes: z.array(noteSchema).max(BACKUP_LIMITS.notes),
  shapes: z.array(shapeSchema).max(BACKUP_LIMITS.notes),
  session: z.strictObject({
    facilitatorName: text(PERSON_NAME_MAX_LENGTH),
    votingAnonymous: z.boolean(),
    reportsShared: z.boolean(),
    rounds: z.array(roundSchema).max(BACKUP_LIMITS.rounds),
    roundLog: z
      .array(z.strictObject({ roundId: id, startedAt: time, endedAt: time.nullable() }))
      .max(BACKUP_LIMITS.rounds * 20),
    voteResults: z.record(id, z.number().int().min(0)),
    participantsEverJoined: z
      .array(z.strictObject({ id, name: text(PERSON_NAME_MAX_LENGTH) }))
      .max(BACKUP_LIMITS.people),
    // Added later: backups made before it simply count everyone as a participant.
    facilitatorIds: z.array(id).max(BACKUP_LIMITS.people).default([]),
    // Added later: the facilitator's insights, next steps and next meeting for the summary.
    harvest: z
      .strictObject({
        insights: text(HARVEST_TEXT_MAX_LENGTH),
        followUp: text(HARVEST_TEXT_MAX_LENGTH),
        nextMeeting: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')]),
      })
      .default({ ...EMPTY_HARVEST_NOTES }),
  }),
})

export type BoardBackup = z.infer<typeof backupSchema>

/** The backup as plain data, keys in a fixed order so two exports of the same board are equal. */
export function backupFromModel(model: ReportModel): BoardBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: model.generatedAt,
    redacted: model.redacted,
    board: { title: model.title, language: model.language, createdAt: model.boardCreatedAt },
    zones: model.zones.map(({ id, title, prompt, x, y, width, height, color, order }) => ({
      ...{ id, title, prompt, x, y, width, height, color, order },
    })),
    clusters: model.clusters.map(({ id, name, zoneId, createdAt }) => ({ id, name, zoneId, createdAt })),
    notes: model.notes.map((note) => ({
      id: note.id,
      text: note.text,
      x: note.x,
      y: note.y,
      width: note.width,
      height: note.height,
      color: note.color,
      zoneId: note.zoneId,
      clusterId: note.clusterId,
      roundId: note.roundId,
      anonymous: note.anonymous,
      authorId: note.authorId ?? '',
      authorName: note.authorName ?? '',
      createdAt: note.createdAt,
      z: note.z,
      reactions: Object.fromEntries(note.reactions.map((r) => [r.emoji, r.participantIds])),
      ...(note.mergedCount ? { mergedCount: note.mergedCount } : {}),
    })),
    shapes: model.shapes.map((shape) => ({ ...shape })),
    session: {
      facilitatorName: model.facilitatorName,
      votingAnonymous: model.session.votingAnonymous,
      reportsShared: model.session.reportsShared,
      rounds: model.session.rounds,
      roundLog: model.session.roundLog,
      voteResults: model.session.voteResults,
      participantsEverJoined: model.session.participantsEverJoined,
      facilitatorIds: model.session.facilitatorIds,
      harvest: { ...model.harvest },
    },
  }
}

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(backupFromModel(model), null, 2)}\n`
}

export type ParsedBackup = { ok: true; backup: BoardBackup } | { ok: false; message: string }

/** Validates an uploaded backup (already JSON-parsed), with one readable message on failure. */
export function parseBackup(value: unknown): ParsedBackup {
  const result = backupSchema.safeParse(value)
  if (result.success) return { ok: true, backup: result.data }
  const message = result.error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
  return { ok: false, message }
}

/** Fresh content and control documents holding everything in the backup. */
export function docsFromBackup(backup: BoardBackup): { content: Y.Doc; control: Y.Doc } {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, backup.board)
  content.transact(() => {
    for (const zone of backup.zones) createZone(content, zone)
    for (const cluster of backup.clusters) createCluster(content, cluster)
    for (const note of backup.notes) {
      createNote(content, note)
      if (note.clusterId) setNoteCluster(content, note.id, note.clusterId)
      if (note.roundId) setNoteRound(content, note.id, note.roundId)
      if (note.anonymous) setNoteAnonymous(content, note.id, true)
      if (note.mergedCount) notesRoot(content).get(note.id)?.set(MERGED_COUNT, note.mergedCount)
      for (const [emoji, participants] of Object.entries(note.reactions)) {
        for (const participant of participants ?? []) {
          addReaction(content, note.id, emoji as (typeof REACTION_EMOJIS)[number], participant)
        }
      }
    }
  })
  content.transact(() => {
    for (const shape of backup.shapes) createShape(content, shape)
  })
  control.transact(() => {
    ensureRounds(control)
    ensureSessionState(control)
    for (const round of backup.session.rounds) addRound(control, round)
    for (const entry of backup.session.roundLog) appendRoundLogEntry(control, entry)
    publishVoteResults(control, backup.session.voteResults)
    for (const person of backup.session.participantsEverJoined) {
      recordParticipantJoined(control, person.id, person.name)
    }
    for (const facilitatorId of backup.session.facilitatorIds) recordFacilitatorJoined(control, facilitatorId)
    setVotingAnonymous(control, backup.session.votingAnonymous)
    setReportsShared(control, backup.session.reportsShared)
    setFacilitatorName(control, backup.session.facilitatorName)
    setHarvestNotes(control, backup.session.harvest)
  })
  return { content, control }
}
