import { newObjectId } from '../../../shared/src/ids'
import { listDrafts } from '../../../shared/src/model/drafts'
import {
  readDraftCounts,
  readRoundOptions,
  readTimer,
  readVoting,
  setDraftCount,
  setReady,
  setRoleOverride,
  type TimerState,
  type VotingConfig,
  writeLastReveal,
  writeVoting,
} from '../../../shared/src/model/facilitation'
import {
  getFacilitatorName,
  listParticipantsEverJoined,
  publishVoteResults,
  recordFacilitatorJoined,
  recordParticipantJoined,
  setFacilitatorName,
} from '../../../shared/src/model/session'
import type { Role } from '../../../shared/src/roles'
import { contentRoom, controlRoom, draftsRoom, votesRoom } from '../../../shared/src/rooms'
import { KeyedSerialQueue } from '../lib/serialQueue'
import type { RoomManager } from '../sync/roomManager'
import { castVote, type MyVotes, myVotes, tallies } from './ballots'
import { type DraftsOverview, draftsOverview, moderateDraft, revealDrafts } from './drafts'
import { GroupSteps, type Presence } from './groupSteps'
import { standpointsZoneFor } from './standpoints'
import { applyTimerAction, SessionError, type TimerAction } from './timerActions'
import { listTrash, readTrashed, removeFromTrash, restoreNote, type TrashListItem } from './trash'
import { listVoters, recordVoteOpened, recordVoterName, type VotersOverview, voteExists } from './voters'

export type VotingRequest = Omit<VotingConfig, 'voteId' | 'open'>

/**
 * Facilitation actions that need the server: its clock, rules it must enforce, or data only it
 * may see. Each action runs on copies of the documents and is stored like any client update
 * (RoomManager.change). Actions on one board run one at a time, so two votes cast at the same
 * moment cannot both pass the budget check.
 */
export class SessionService {
  /** Actions on one board run one at a time. */
  private readonly queues = new KeyedSerialQueue<string>()
  private readonly draftCountTimers = new Map<string, NodeJS.Timeout>()
  private readonly recordedJoins = new Set<string>()
  /** Groups of people in group steps (issue 18). */
  private readonly groups: GroupSteps

  constructor(
    private readonly rooms: RoomManager,
    /** Makes a person's sockets reconnect (role change). */
    private readonly reconnectParticipant: (boardId: string, participantId: string) => void,
    /** Who is connected now: group steps are formed from the people present. */
    presence: Presence = () => [],
  ) {
    this.groups = new GroupSteps(rooms, presence)
  }

  /** Runs a change of the groups in the board's queue (sessionRoutes: move, insight, keep apart). */
  groupAction<T>(boardId: string, work: (groups: GroupSteps) => Promise<T>): Promise<T> {
    return this.serial(boardId, () => work(this.groups))
  }

  private serial<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    return this.queues.run(boardId, work)
  }

  timer(boardId: string, action: TimerAction): Promise<TimerState> {
    return this.serial(boardId, async () => {
      const timer = await this.rooms.change(controlRoom(boardId), (doc) =>
        applyTimerAction(doc, action, Date.now()),
      )
      // A round that started may be a group step (its groups) or the "allen" step (the insights).
      if ((action.action === 'start' || action.action === 'skip') && timer.status === 'running')
        await this.groups.roundStarted(boardId, timer.roundId)
      return timer
    })
  }

  ready(boardId: string, participantId: string, ready: boolean): Promise<void> {
    return this.serial(boardId, () =>
      this.rooms.change(controlRoom(boardId), (doc) => {
        const roundId = readTimer(doc).roundId
        if (ready && roundId === null) throw new SessionError('not_running', 'No round is running.')
        setReady(doc, participantId, ready ? roundId : null)
      }),
    )
  }

  openVoting(boardId: string, request: VotingRequest): Promise<VotingConfig> {
    return this.serial(boardId, async () => {
      const config: VotingConfig = { ...request, voteId: newObjectId(), open: true }
      // Recorded before the vote opens, so no ballot can exist without knowing its privacy.
      await this.rooms.change(votesRoom(boardId), (votes) =>
        recordVoteOpened(votes, config.voteId, config.anonymous),
      )
      await this.rooms.change(controlRoom(boardId), (doc) => writeVoting(doc, config))
      return config
    })
  }

  closeVoting(boardId: string): Promise<Record<string, number>> {
    return this.serial(boardId, async () => {
      const totals = await this.rooms.read(votesRoom(boardId), tallies)
      await this.rooms.change(controlRoom(boardId), (doc) => {
        const config = readVoting(doc)
        if (config) writeVoting(doc, { ...config, open: false })
        publishVoteResults(doc, totals)
      })
      return totals
    })
  }

  vote(
    boardId: string,
    voter: { participantId: string; name: string },
    noteId: string,
    delta: 1 | -1,
  ): Promise<MyVotes> {
    const { participantId } = voter
    return this.serial(boardId, async () => {
      const config = await this.rooms.read(controlRoom(boardId), readVoting)
      const content = await this.rooms.acquire(contentRoom(boardId))
      try {
        const mine = await this.rooms.change(votesRoom(boardId), (votes) => {
          const result = castVote(votes, content.doc, config, participantId, noteId, delta)
          if (config) recordVoterName(votes, config.voteId, participantId, voter.name)
          return result
        })
        if (config && !config.hideResults) {
          const totals = await this.rooms.read(votesRoom(boardId), tallies)
          await this.rooms.change(controlRoom(boardId), (doc) => publishVoteResults(doc, totals))
        }
        return mine
      } finally {
        this.rooms.release(content)
      }
    })
  }

  async myVotes(boardId: string, participantId: string): Promise<MyVotes> {
    const config = await this.rooms.read(controlRoom(boardId), readVoting)
    return this.rooms.read(votesRoom(boardId), (votes) => myVotes(votes, config, participantId))
  }

  /**
   * Who voted for what in the current vote (or `voteId`), for facilitators. Refused for an
   * anonymous vote (SessionError 'vote_anonymous'); 'unknown_vote' when there is no such vote.
   */
  async voters(boardId: string, voteId?: string): Promise<VotersOverview> {
    const { config, people } = await this.rooms.read(controlRoom(boardId), (doc) => ({
      config: readVoting(doc),
      people: listParticipantsEverJoined(doc),
    }))
    const id = voteId ?? config?.voteId
    if (id === undefined) throw new SessionError('unknown_vote', 'No vote has been held yet.')
    const known = new Map(people.map((person) => [person.id, person.name]))
    const current = config?.voteId === id
    const notes = await this.rooms.read(votesRoom(boardId), (votes) =>
      current || voteExists(votes, id) ? listVoters(votes, id, known) : null,
    )
    if (notes === null) throw new SessionError('unknown_vote', 'There is no such vote.')
    return { voteId: id, open: current && config?.open === true, notes }
  }

  async drafts(boardId: string): Promise<DraftsOverview> {
    await this.flushDraftCounts(boardId)
    return draftsOverview(this.rooms, boardId)
  }

  moderate(
    boardId: string,
    participantId: string,
    noteId: string,
    change: { hidden: boolean } | 'remove',
  ): Promise<void> {
    return this.serial(boardId, async () => {
      await moderateDraft(this.rooms, boardId, participantId, noteId, change)
      await this.countDrafts(boardId, participantId)
    })
  }

  reveal(boardId: string, anonymous?: boolean): Promise<number> {
    return this.serial(boardId, async () => {
      await this.flushDraftCounts(boardId)
      const { participants, roundId, anonymousDefault, zoneFor } = await this.rooms.read(
        controlRoom(boardId),
        (doc) => {
          const timer = readTimer(doc)
          return {
            participants: [...readDraftCounts(doc).keys()],
            roundId: timer.roundId,
            anonymousDefault: readRoundOptions(doc, timer.roundId).anonymousReveal,
            zoneFor: standpointsZoneFor(doc),
          }
        },
      )
      let revealed = 0
      for (const participantId of participants) {
        revealed += await revealDrafts(this.rooms, boardId, participantId, {
          roundId,
          anonymous: anonymous ?? anonymousDefault,
          ...(zoneFor ? { zoneFor } : {}),
        })
        await this.countDrafts(boardId, participantId)
      }
      // For everyone's screen reader and message line (see readLastReveal).
      if (revealed > 0) {
        const mark = { at: Date.now(), count: revealed }
        await this.rooms.change(controlRoom(boardId), (doc) => writeLastReveal(doc, mark))
      }
      return revealed
    })
  }

  setRole(boardId: string, participantId: string, role: Role): Promise<void> {
    return this.serial(boardId, async () => {
      await this.rooms.change(controlRoom(boardId), (doc) => setRoleOverride(doc, participantId, role))
      this.reconnectParticipant(boardId, participantId)
    })
  }

  /**
   * Someone opened the board: remember them for the report ("participants", "facilitator").
   * Once per person per process; the write is skipped when nothing would change.
   */
  recordJoin(boardId: string, participantId: string, name: string, role: Role): void {
    if (role === 'viewer') return
    if (role === 'participant')
      void this.serial(boardId, () => this.groups.joined(boardId, { id: participantId, name })).catch(
        () => {},
      )
    const key = `${boardId} ${participantId} ${name}`
    if (this.recordedJoins.has(key)) return
    this.recordedJoins.add(key)
    void this.serial(boardId, () =>
      this.rooms.change(controlRoom(boardId), (doc) => {
        recordParticipantJoined(doc, participantId, name)
        if (role === 'facilitator') recordFacilitatorJoined(doc, participantId)
        if (role === 'facilitator' && getFacilitatorName(doc) === '') setFacilitatorName(doc, name)
      }),
    ).catch(() => this.recordedJoins.delete(key))
  }

  /** Drafts changed: refresh the counter ("12 notes being written") a moment later. */
  draftsChanged(boardId: string, participantId: string): void {
    const key = `${boardId} ${participantId}`
    if (this.draftCountTimers.has(key)) return
    const timer = setTimeout(() => {
      this.draftCountTimers.delete(key)
      void this.countDrafts(boardId, participantId).catch(() => {})
    }, 250)
    timer.unref()
    this.draftCountTimers.set(key, timer)
  }

  private async flushDraftCounts(boardId: string): Promise<void> {
    for (const [key, timer] of this.draftCountTimers) {
      const [board, participantId] = key.split(' ') as [string, string]
      if (board !== boardId) continue
      clearTimeout(timer)
      this.draftCountTimers.delete(key)
      await this.countDrafts(boardId, participantId)
    }
  }

  private async countDrafts(boardId: string, participantId: string): Promise<void> {
    const drafts = await this.rooms.read(draftsRoom(boardId, participantId), listDrafts)
    const name = drafts.find((note) => note.authorName)?.authorName ?? ''
    const hidden = drafts.filter((note) => note.hidden).length
    await this.rooms.change(controlRoom(boardId), (doc) =>
      setDraftCount(doc, participantId, { name, count: drafts.length - hidden, hidden }),
    )
  }

  /** The Prullenbak, newest deletion first (facilitators only: see sessionRoutes). */
  trash(boardId: string): Promise<TrashListItem[]> {
    return this.rooms.read(votesRoom(boardId), listTrash)
  }

  /** Puts a deleted note back (with its reactions, group and, through the ballots, its dots). */
  restore(boardId: string, noteId: string): Promise<void> {
    return this.serial(boardId, async () => {
      const note = await this.rooms.read(votesRoom(boardId), (votes) => readTrashed(votes, noteId))
      if (!note) throw new SessionError('unknown_note', 'This note is not in the Prullenbak.')
      await this.rooms.change(contentRoom(boardId), (content) => restoreNote(content, note))
      await this.rooms.change(votesRoom(boardId), (votes) => removeFromTrash(votes, noteId))
    })
  }
}
