import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { GroupStep } from '../../shared/src/groups/peopleGroups'
import { readGroupStep } from '../../shared/src/groups/peopleGroups'
import { readTimer } from '../../shared/src/model/facilitation'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { overlaps } from '../../shared/src/model/placement'
import { listRounds } from '../../shared/src/model/rounds'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, participantIdOf, tokenFor } from '../helpers/testServer'
import { sleep, waitFor, type YClient } from '../helpers/yclient'

/**
 * Issue 18: 13 people run 1-2-4-allen through the real server with stock y-websocket clients.
 * The server forms the groups from who is connected, gives each its space, keeps groups out of
 * each other's space when asked, keeps a reconnecting person in their group, and brings each
 * four's "ons inzicht" to the plenary zone.
 */
const NAMES = [
  'Anouk',
  'Bram',
  'Chantal',
  'Daan',
  'Eva',
  'Fatima',
  'Gijs',
  'Hanna',
  'Ilse',
  'Jeroen',
  'Karim',
  'Lotte',
  'Mo',
]

const sizesOf = (step: GroupStep | null) =>
  (step?.groups ?? []).map((group) => group.members.length).sort((a, b) => b - a)
const idsOf = (step: GroupStep | null) =>
  (step?.groups ?? []).map((group) => group.members.map((member) => member.id))

describe('groups of people in 1-2-4-allen (issue 18)', () => {
  const harness = serverHarness()

  async function setup(templateId = '1-2-4-allen', names = NAMES) {
    const server = await harness.start()
    const board = await createBoard(server.url, '1-2-4', { templateId })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const tokens = await Promise.all(names.map((name) => tokenFor(server.url, board, 'participant', name)))
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    const control = harness.connect(controlRoom(board.id), facilitator)
    const watcher = harness.connect(board.id, facilitator)
    const people: YClient[] = tokens.map((token) => harness.connect(board.id, token))
    await Promise.all([control.synced, watcher.synced, ...people.map((client) => client.synced)])
    const rounds = listRounds(control.doc)
    const start = async (index: number) => {
      const round = rounds[index]
      const response = await call(facilitator, 'POST', '/session', { action: 'start', roundId: round?.id })
      expect(response.status).toBe(200)
      await waitFor(
        () => readTimer(control.doc).roundId === round?.id,
        5000,
        `round ${index} on the control doc`,
      )
      return round?.id ?? ''
    }
    const stepOf = async (roundId: string, what: string) => {
      await waitFor(() => readGroupStep(control.doc, roundId) !== null, 5000, what)
      return readGroupStep(control.doc, roundId) as GroupStep
    }
    return { board, facilitator, tokens, call, control, watcher, people, rounds, start, stepOf }
  }

  function noteIn(doc: Y.Doc, zoneId: string, authorToken: string, text: string): string {
    const zone = listZones(doc).find((candidate) => candidate.id === zoneId)
    if (!zone) throw new Error(`no zone ${zoneId}`)
    return createNote(doc, {
      x: zone.x + 30,
      y: zone.y + 90,
      zoneId,
      text,
      authorId: participantIdOf(authorToken),
      authorName: 'x',
    })
  }

  it('forms the groups at every step, keeps groups apart, keeps a reconnecting person, gathers insights', async () => {
    const { board, facilitator, tokens, call, control, watcher, people, start, stepOf } = await setup()
    const ids = tokens.map(participantIdOf)

    // 1 min alone: everyone on their own, no spaces (they write privately in the round's zone).
    const alone = await stepOf(await start(0), 'alone step')
    expect(sizesOf(alone)).toEqual(Array.from({ length: 13 }, () => 1))
    expect(alone.groups.every((group) => group.zoneId === null)).toBe(true)

    // 2 min in pairs: 5 pairs and a trio, each with its own named, non-overlapping space.
    const pairsRound = await start(1)
    const pairs = await stepOf(pairsRound, 'pairs step')
    expect(sizesOf(pairs)).toEqual([3, 2, 2, 2, 2, 2])
    expect(idsOf(pairs).flat().sort()).toEqual([...ids].sort())
    await waitFor(() =>
      pairs.groups.every((group) => listZones(watcher.doc).some((z) => z.id === group.zoneId)),
    )
    const zones = listZones(watcher.doc)
    const spaces = pairs.groups.map((group) => zones.find((zone) => zone.id === group.zoneId))
    for (const [index, space] of spaces.entries()) {
      const group = pairs.groups[index]
      expect(space?.title).toBe(
        `Groepje ${group?.number}: ${group?.members.map((member) => member.name).join(', ')}`,
      )
      for (const other of zones)
        if (other.id !== space?.id && space) expect(overlaps(space, other)).toBe(false)
    }

    // Keep apart: a note in another pair's space is refused and never stored; one's own space is fine.
    expect(
      (await call(tokens[0] as string, 'POST', '/groups', { action: 'keepApart', value: true })).status,
    ).toBe(403)
    expect((await call(facilitator, 'POST', '/groups', { action: 'keepApart', value: true })).status).toBe(
      200,
    )
    await waitFor(() => readGroupStep(control.doc, pairsRound)?.keepApart === true)
    const first = people[0] as YClient
    const ownGroup = pairs.groups.find((group) => group.members.some((member) => member.id === ids[0]))
    const otherGroup = pairs.groups.find((group) => group !== ownGroup)
    // A fresh socket of the same person: a refused client keeps its edit and would send it again.
    const attacker = harness.connect(board.id, tokens[0] as string)
    await attacker.synced
    const closed = nextCloseCode(attacker)
    const foreign = noteIn(attacker.doc, otherGroup?.zoneId as string, tokens[0] as string, 'bij de buren')
    expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
    attacker.destroy()
    await sleep(200)
    expect(listNotes(watcher.doc).some((note) => note.id === foreign)).toBe(false)
    const own = noteIn(first.doc, ownGroup?.zoneId as string, tokens[0] as string, 'in ons eigen groepje')
    await waitFor(() => listNotes(watcher.doc).some((note) => note.id === own), 5000, 'own note stored')

    // Reconnect: the same person comes back (a new socket) and is still in the same pair.
    const secondIndex = ids.indexOf(otherGroup?.members[0]?.id as string)
    ;(people[secondIndex] as YClient).destroy()
    await sleep(100)
    people[secondIndex] = harness.connect(board.id, tokens[secondIndex] as string)
    await (people[secondIndex] as YClient).synced
    await sleep(300)
    expect(idsOf(readGroupStep(control.doc, pairsRound))).toEqual(idsOf(pairs))

    // 4 min in fours, formed from the pairs: 5 + 4 + 4, and every pair is inside one four.
    const foursRound = await start(2)
    const fours = await stepOf(foursRound, 'fours step')
    expect(sizesOf(fours)).toEqual([5, 4, 4])
    for (const pair of idsOf(pairs)) {
      expect(idsOf(fours).filter((four) => pair.some((id) => four.includes(id)))).toHaveLength(1)
    }
    await waitFor(() =>
      fours.groups.every((group) => listZones(watcher.doc).some((z) => z.id === group.zoneId)),
    )

    // Each four writes a note in its space and marks it as "ons inzicht".
    const insights: string[] = []
    for (const group of fours.groups) {
      const memberIndex = ids.indexOf(group.members[0]?.id as string)
      const client = people[memberIndex] as YClient
      const text = `Inzicht van groepje ${group.number}`
      const noteId = noteIn(client.doc, group.zoneId as string, tokens[memberIndex] as string, text)
      await waitFor(
        () => listNotes(watcher.doc).some((note) => note.id === noteId),
        5000,
        'insight note stored',
      )
      const marked = await call(tokens[memberIndex] as string, 'POST', '/groups/insight', { noteId })
      expect(marked.status).toBe(204)
      insights.push(text)
    }
    // Someone from another four cannot make this four's note their insight.
    const firstFour = fours.groups[0]
    const outsider = ids.findIndex((id) => !firstFour?.members.some((member) => member.id === id))
    const notInSpace = await call(tokens[outsider] as string, 'POST', '/groups/insight', {
      noteId: readGroupStep(control.doc, foursRound)?.groups[0]?.insightNoteId,
    })
    expect(notInSpace.status).toBe(409)

    // 5 min all together: the three insights are in the plenary zone, under their group's name.
    await start(3)
    const plenary = listZones(watcher.doc).find((zone) => zone.title === 'Iedereen')
    await waitFor(
      () => listNotes(watcher.doc).filter((note) => note.zoneId === plenary?.id).length === 3,
      5000,
      'insights in the plenary zone',
    )
    const gathered = listNotes(watcher.doc).filter((note) => note.zoneId === plenary?.id)
    expect(gathered.map((note) => note.text).sort()).toEqual(insights.sort())
    for (const note of gathered) expect(note.authorName).toMatch(/^Groepje \d+: \w+, \w+, \w+, \w+/)

    // The verslag tells the group work: per step who was together and each four's insight.
    const report = await fetch(`${harness.server.url}/api/boards/${board.id}/report?format=md`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
    const markdown = await report.text()
    expect(markdown).toContain('## Werken in groepjes')
    expect(markdown).toMatch(/tweetallen/)
    for (const text of insights) expect(markdown).toContain(text)
    const member = fours.groups[0]?.members[0]?.name ?? '?'
    const numbered = await fetch(
      `${harness.server.url}/api/boards/${board.id}/report?format=md&names=numbered`,
      {
        headers: { authorization: `Bearer ${facilitator}` },
      },
    )
    expect(await numbered.text()).not.toContain(member)
    for (const client of people) client.destroy()
  })

  it('places a late joiner, lets the facilitator move someone (renaming the spaces) and take out someone who left', async () => {
    const { board, facilitator, call, control, watcher, people, start, stepOf } = await setup()
    for (const client of people.slice(5)) client.destroy()
    await sleep(200)
    const pairsRound = await start(1)
    const pairs = await stepOf(pairsRound, 'pairs of five')
    expect(sizesOf(pairs)).toEqual([3, 2])

    const lateToken = await tokenFor(harness.server.url, board, 'participant', 'Zeynep')
    const late = harness.connect(board.id, lateToken)
    await late.synced
    await waitFor(
      () => sizesOf(readGroupStep(control.doc, pairsRound)).join() === '3,3',
      5000,
      'late joiner placed',
    )
    const withLate = readGroupStep(control.doc, pairsRound) as GroupStep
    const lateGroup = withLate.groups.find((group) =>
      group.members.some((m) => m.id === participantIdOf(lateToken)),
    )
    await waitFor(
      () =>
        listZones(watcher.doc)
          .find((z) => z.id === lateGroup?.zoneId)
          ?.title.includes('Zeynep') === true,
    )

    const moving = lateGroup?.members[0]?.id as string
    const target = withLate.groups.find((group) => group !== lateGroup)
    const moved = await call<{ step: GroupStep }>(facilitator, 'POST', '/groups', {
      action: 'move',
      participantId: moving,
      groupId: target?.id,
    })
    expect(moved.status).toBe(200)
    expect(sizesOf(moved.body.step)).toEqual([4, 2])
    const movedName = lateGroup?.members[0]?.name as string
    await waitFor(
      () =>
        listZones(watcher.doc)
          .find((z) => z.id === target?.zoneId)
          ?.title.includes(movedName) === true,
    )
    expect(listZones(watcher.doc).find((z) => z.id === lateGroup?.zoneId)?.title).not.toContain(movedName)
    const unknown = await call(facilitator, 'POST', '/groups', {
      action: 'move',
      participantId: moving,
      groupId: 'nope',
    })
    expect(unknown.status).toBe(404)
    const junk = await call(facilitator, 'POST', '/groups', { action: 'move', participantId: 5 })
    expect(junk.status).toBe(400)

    // Someone left for good: the facilitator takes them out; a partner left alone joins another group.
    const before = readGroupStep(control.doc, pairsRound) as GroupStep
    const pair = before.groups.find((group) => group.members.length === 2) as GroupStep['groups'][number]
    const leaver = pair.members[0]?.id as string
    const removed = await call<{ step: GroupStep }>(facilitator, 'POST', '/groups', {
      action: 'remove',
      participantId: leaver,
    })
    expect(removed.status).toBe(200)
    expect(idsOf(removed.body.step).flat()).not.toContain(leaver)
    expect(sizesOf(removed.body.step)).toEqual([5])
    const again = await call(facilitator, 'POST', '/groups', { action: 'remove', participantId: leaver })
    expect(again.status).toBe(404)
    late.destroy()
    for (const client of people.slice(0, 5)) client.destroy()
  })

  it('runs Troika: the same trios and spaces all along, the inbrenger rotates and cannot write while listening', async () => {
    const { tokens, control, watcher, people, rounds, start, stepOf } = await setup(
      'troika-consult',
      NAMES.slice(0, 6),
    )
    const ids = tokens.map(participantIdOf)
    const alone = await stepOf(await start(0), 'troika trios')
    expect(sizesOf(alone)).toEqual([3, 3])
    expect(alone.roleTurn).toBe(0)
    const inbrengers: string[][] = []
    for (const turn of [1, 2, 3]) {
      const tell = await stepOf(await start(1 + (turn - 1) * 4), `turn ${turn}`)
      // The same trios in the same spaces as at the start: roles rotate inside them.
      expect(idsOf(tell)).toEqual(idsOf(alone))
      expect(tell.groups.map((group) => group.zoneId)).toEqual(alone.groups.map((group) => group.zoneId))
      expect(tell.roleTurn).toBe(turn)
      inbrengers.push(tell.groups.map((group) => group.members[turn - 1]?.id as string))
    }
    // Everyone was inbrenger exactly once.
    expect(inbrengers.flat().sort()).toEqual([...ids].sort())

    // Turn 3, "adviseren": the inbrenger listens, so their own space is closed to them; an adviser writes.
    const adviseRound = await start(11)
    const advise = await stepOf(adviseRound, 'advise step')
    expect(rounds[11]?.inbrengerListens).toBe(true)
    expect(advise.inbrengerListens).toBe(true)
    const group = advise.groups[0]
    const inbrenger = ids.indexOf(group?.members[2]?.id as string)
    const adviser = ids.indexOf(group?.members[0]?.id as string)
    const listener = harness.connect(watcher.provider.roomname, tokens[inbrenger] as string)
    await listener.synced
    const closed = nextCloseCode(listener)
    const refused = noteIn(
      listener.doc,
      group?.zoneId as string,
      tokens[inbrenger] as string,
      'ik schrijf toch mee',
    )
    expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
    listener.destroy()
    // Nor in the round's own question ("Adviezen"): this round the inbrenger only listens.
    const listener2 = harness.connect(watcher.provider.roomname, tokens[inbrenger] as string)
    await listener2.synced
    const closed2 = nextCloseCode(listener2)
    noteIn(listener2.doc, rounds[11]?.zoneIds[0] as string, tokens[inbrenger] as string, 'toch in Adviezen')
    expect(await Promise.race([closed2, sleep(3000).then(() => 'still open')])).toBe(4409)
    listener2.destroy()
    const advice = noteIn(
      (people[adviser] as YClient).doc,
      group?.zoneId as string,
      tokens[adviser] as string,
      'Advies',
    )
    await waitFor(() => listNotes(watcher.doc).some((note) => note.id === advice), 5000, 'advice stored')
    expect(listNotes(watcher.doc).some((note) => note.id === refused)).toBe(false)
    expect(readGroupStep(control.doc, adviseRound)?.groups[0]?.members[2]?.id).toBe(ids[inbrenger])
    for (const client of people) client.destroy()
  })
})
