import {
  formGroups,
  GROUP_SIZE_MAX,
  type Grouping,
  moveMember,
  placeLateJoiner,
  removeMember,
} from '../../../shared/src/groups/forming'
import {
  activeGroupStep,
  type GroupMember,
  type GroupStep,
  groupOf,
  listGroupSteps,
  type PeopleGroup,
  readGroupStep,
  writeGroupStep,
} from '../../../shared/src/groups/peopleGroups'
import { ensureGroupSpaces, gatherInsights } from '../../../shared/src/groups/spaces'
import { newObjectId } from '../../../shared/src/ids'
import { readBoardMeta } from '../../../shared/src/model/meta'
import { getNote, listNotes } from '../../../shared/src/model/notes'
import { getRound, type RoundData } from '../../../shared/src/model/rounds'
import { listZones } from '../../../shared/src/model/zones'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { RoomManager } from '../sync/roomManager'
import { SessionError } from './timerActions'

/** Participants connected to a board's content room now (facilitators and viewers are not grouped). */
export type Presence = (boardId: string) => GroupMember[]

/**
 * Group steps on the server (issue 18): forms the groups from the people present when a group
 * round starts, gives each group its space, places late joiners, lets a facilitator move someone,
 * takes each group's "ons inzicht" and brings the insights to the plenary zone. Every method runs
 * inside SessionService's per-board queue, so two changes of the groups never interleave.
 */
export class GroupSteps {
  constructor(
    private readonly rooms: RoomManager,
    private readonly presence: Presence,
  ) {}

  /** A round started (start or skip): form its groups, or gather insights in an "allen" step. */
  async roundStarted(boardId: string, roundId: string | null): Promise<void> {
    if (roundId === null) return
    const { round, existing, steps } = await this.rooms.read(controlRoom(boardId), (doc) => ({
      round: getRound(doc, roundId),
      existing: readGroupStep(doc, roundId),
      steps: listGroupSteps(doc),
    }))
    if (!round) return
    // One insight per group of the last step with groups (the fours), not of every step before.
    const lastGrouped = steps.filter((step) => step.size > 1 && step.roundId !== roundId).at(-1)
    if (round.gatherInsights && lastGrouped) await this.gather(boardId, round, [lastGrouped])
    const size = round.groupSize ?? 0
    if (size < 1) return
    const present = uniqueMembers(this.presence(boardId))
    const roles = stepRoles(round)
    const previous = steps.filter((other) => other.roundId !== roundId).at(-1)
    let start: GroupStep
    if (existing) {
      // The same round again (restarted): keep its groups; only newcomers are placed.
      start = { ...existing, ...roles }
    } else if (previous && previous.size === size) {
      // The same size as the step before (Troika's rounds): the same groups in the same spaces, so
      // roles can rotate within them; someone offline now stays in their group (they may be back).
      start = { ...previous, roundId, formedAt: Date.now(), ...roles }
    } else {
      // The incidentmethode works as one group while the room is small (wholeGroupUpTo).
      const whole = (round.wholeGroupUpTo ?? 0) >= present.length && present.length > 0
      const grouping = whole
        ? [present.map((member) => member.id)]
        : formGroups(
            present.map((member) => member.id),
            size,
            { seed: roundId, ...(previous ? { previous: previous.groups.map(memberIds) } : {}) },
          )
      const names = new Map(present.map((member) => [member.id, member.name]))
      start = {
        roundId,
        size,
        formedAt: Date.now(),
        keepApart: previous?.keepApart ?? false,
        ...roles,
        groups: toGroups(grouping, names, []),
      }
    }
    const joined = present.reduce((current, member) => withJoiner(current, member), start)
    const step = roles.inbrengerChosen ? await this.withDefaultInbrengers(boardId, joined, round) : joined
    await this.save(boardId, step, round)
  }

  /**
   * A group without a chosen inbrenger gets the author of the case: the first note, in reading
   * order, in the round's questions (the incidentmethode's "Keuze casus") written by a member.
   * Else inbrengerOf falls back to the first member.
   */
  private async withDefaultInbrengers(
    boardId: string,
    step: GroupStep,
    round: RoundData,
  ): Promise<GroupStep> {
    const authors = await this.rooms.read(contentRoom(boardId), (doc) =>
      listNotes(doc)
        .filter((note) => note.zoneId !== null && round.zoneIds.includes(note.zoneId) && note.authorId)
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((note) => note.authorId),
    )
    const groups = step.groups.map((group) => {
      const ids = group.members.map((member) => member.id)
      if (group.inbrengerId && ids.includes(group.inbrengerId)) return group
      return { ...group, inbrengerId: authors.find((id) => ids.includes(id)) ?? null }
    })
    return { ...step, groups }
  }

  /** The facilitator chooses a group's inbrenger (a member of that group) in a step with chosen roles. */
  async chooseInbrenger(boardId: string, groupId: string, participantId: string): Promise<GroupStep> {
    const step = await this.requireActive(boardId)
    if (!step.inbrengerChosen)
      throw new SessionError('no_chosen_roles', 'In this round the roles rotate; nobody is chosen.')
    const group = step.groups.find((candidate) => candidate.id === groupId)
    if (!group) throw new SessionError('unknown_group', 'There is no such group in this round.')
    if (!group.members.some((member) => member.id === participantId))
      throw new SessionError('unknown_person', 'This person is not in that group.')
    const groups = step.groups.map((other) =>
      other.id === groupId ? { ...other, inbrengerId: participantId } : other,
    )
    await this.rooms.change(controlRoom(boardId), (doc) => writeGroupStep(doc, { ...step, groups }))
    return { ...step, groups }
  }

  /** Someone opened the board during a group step: a newcomer joins a group, a returner keeps theirs. */
  async joined(boardId: string, member: GroupMember): Promise<void> {
    const step = await this.rooms.read(controlRoom(boardId), activeGroupStep)
    if (!step || groupOf(step, member.id)) return
    await this.save(boardId, withJoiner(step, member))
  }

  /** A facilitator moves a person into another group of the running step (null: a new group). */
  async move(boardId: string, participantId: string, toGroupId: string | null): Promise<GroupStep> {
    const step = await this.requireActive(boardId)
    const from = groupOf(step, participantId)
    if (!from) throw new SessionError('unknown_person', 'This person is not in a group.')
    const target = toGroupId === null ? step.groups.length : step.groups.findIndex((g) => g.id === toGroupId)
    if (target < 0) throw new SessionError('unknown_group', 'There is no such group in this round.')
    const names = namesOf(step)
    const grouping = moveMember(step.groups.map(memberIds), participantId, target)
    return this.save(boardId, { ...step, groups: toGroups(grouping, names, step.groups) })
  }

  /**
   * Someone left for good (the facilitator takes them out): they leave their group, and a partner
   * left alone joins the smallest other group (forming.ts, removeMember).
   */
  async remove(boardId: string, participantId: string): Promise<GroupStep> {
    const step = await this.requireActive(boardId)
    if (!groupOf(step, participantId))
      throw new SessionError('unknown_person', 'This person is not in a group.')
    const grouping = removeMember(step.groups.map(memberIds), participantId, step.size)
    return this.save(boardId, { ...step, groups: toGroups(grouping, namesOf(step), step.groups) })
  }

  async setKeepApart(boardId: string, keepApart: boolean): Promise<GroupStep> {
    const step = await this.requireActive(boardId)
    return this.save(boardId, { ...step, keepApart })
  }

  /** A member marks one note in their group's space as "ons inzicht" (null: none). */
  async markInsight(boardId: string, participantId: string, noteId: string | null): Promise<void> {
    const step = await this.requireActive(boardId)
    const group = groupOf(step, participantId)
    if (!group || group.zoneId === null)
      throw new SessionError('not_in_group', 'You are not in a group with its own space.')
    if (noteId !== null) {
      const note = await this.rooms.read(contentRoom(boardId), (doc) => getNote(doc, noteId))
      if (!note) throw new SessionError('unknown_note', 'There is no such note.')
      if (note.zoneId !== group.zoneId)
        throw new SessionError('not_in_space', "Only a note in your group's space can be its insight.")
    }
    const groups = step.groups.map((other) =>
      other.id === group.id ? { ...other, insightNoteId: noteId } : other,
    )
    await this.rooms.change(controlRoom(boardId), (doc) => writeGroupStep(doc, { ...step, groups }))
  }

  private async requireActive(boardId: string): Promise<GroupStep> {
    const step = await this.rooms.read(controlRoom(boardId), activeGroupStep)
    if (!step) throw new SessionError('no_group_step', 'No round with groups is running.')
    return step
  }

  /** Zones first (they get their ids there), then the step that points at them. */
  private async save(boardId: string, step: GroupStep, round?: RoundData): Promise<GroupStep> {
    const style = await this.rooms.read(controlRoom(boardId), (doc) => {
      const script = round ?? getRound(doc, step.roundId)
      return { prompt: script?.prompt || script?.title || '', zoneIds: script?.zoneIds ?? [] }
    })
    const withSpaces = await this.rooms.change(contentRoom(boardId), (content) => {
      const language = readBoardMeta(content).language
      const color = listZones(content).find((zone) => style.zoneIds.includes(zone.id))?.color
      if (step.size < 2) return step
      return ensureGroupSpaces(content, step, { language, prompt: style.prompt, ...(color ? { color } : {}) })
    })
    await this.rooms.change(controlRoom(boardId), (doc) => writeGroupStep(doc, withSpaces))
    return withSpaces
  }

  private async gather(boardId: string, round: RoundData, steps: GroupStep[]): Promise<void> {
    const zoneId = round.zoneIds[0]
    if (zoneId === undefined) return
    const changed = await this.rooms.change(contentRoom(boardId), (content) =>
      gatherInsights(content, steps, zoneId, readBoardMeta(content).language, round.id),
    )
    if (changed.length === 0) return
    await this.rooms.change(controlRoom(boardId), (doc) => {
      for (const step of changed) writeGroupStep(doc, step)
    })
  }
}

const memberIds = (group: PeopleGroup) => group.members.map((member) => member.id)

/** What a round says about roles, copied into its step (peopleGroups.ts reads them from there). */
function stepRoles(round: RoundData) {
  const chosen = round.inbrengerChosen === true
  return {
    roleTurn: round.roleTurn ?? 0,
    inbrengerListens: round.inbrengerListens === true,
    roundZoneIds: round.zoneIds,
    inbrengerChosen: chosen,
    notulist: round.notulist === true,
    // Private writing in a step with roles: the standpoints go to the inbrenger (standpoints.ts).
    standpointsToInbrenger: round.privateWriting && (chosen || (round.roleTurn ?? 0) >= 1),
    wholeGroupUpTo: round.wholeGroupUpTo ?? 0,
  }
}

function namesOf(step: GroupStep): Map<string, string> {
  return new Map(step.groups.flatMap((group) => group.members.map((member) => [member.id, member.name])))
}

function uniqueMembers(members: GroupMember[]): GroupMember[] {
  const seen = new Map<string, GroupMember>()
  for (const member of members) if (!seen.has(member.id)) seen.set(member.id, member)
  return [...seen.values()]
}

/**
 * Plain groupings back to stored groups. A group keeps its id, number, space and insight when it
 * keeps any of its members (the first old group it shares people with); new groups get new numbers.
 */
function toGroups(grouping: Grouping, names: Map<string, string>, before: PeopleGroup[]): PeopleGroup[] {
  const used = new Set<string>()
  let nextNumber = Math.max(0, ...before.map((group) => group.number)) + 1
  return grouping.map((ids, index) => {
    const old = before.find((group) => !used.has(group.id) && group.members.some((m) => ids.includes(m.id)))
    if (old) used.add(old.id)
    const members = ids.map((id) => ({ id, name: names.get(id) ?? '' }))
    if (old) return { ...old, members }
    return {
      id: newObjectId(),
      number: before.length === 0 ? index + 1 : nextNumber++,
      members,
      zoneId: null,
      insightNoteId: null,
      gatheredNoteId: null,
    }
  })
}

function withJoiner(step: GroupStep, member: GroupMember): GroupStep {
  if (groupOf(step, member.id)) return step
  const names = namesOf(step)
  names.set(member.id, member.name)
  // A group that is the whole room (wholeGroupUpTo) takes joiners until it reaches that size.
  const whole = step.groups.length === 1 && (step.groups[0]?.members.length ?? 0) < (step.wholeGroupUpTo ?? 0)
  const grouping = placeLateJoiner(step.groups.map(memberIds), member.id, whole ? GROUP_SIZE_MAX : step.size)
  return { ...step, groups: toGroups(grouping, names, step.groups) }
}
