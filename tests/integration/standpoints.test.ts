import { describe, expect, it } from 'vitest'
import {
  type GroupStep,
  groupOf,
  inbrengerOf,
  notulistOf,
  readGroupStep,
} from '../../shared/src/groups/peopleGroups'
import { listDrafts } from '../../shared/src/model/drafts'
import { readTimer } from '../../shared/src/model/facilitation'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { listRounds } from '../../shared/src/model/rounds'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom, draftsRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, participantIdOf, tokenFor } from '../helpers/testServer'
import { roomUpgradeStatus } from '../helpers/upgrade'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * Issue 18, the incidentmethode: the facilitator chooses each group's inbrenger (default: the
 * author of the chosen case), and in "Standpunten" the advisers write privately in their drafts
 * rooms, which their own inbrenger — and nobody else — may read, read-only, while that step runs.
 * Every attack uses the stock y-websocket client (or a raw upgrade) with the attacker's own token.
 */
const NAMES = ['Anouk', 'Bram', 'Chantal', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ilse', 'Jeroen']

describe('incidentmethode: chosen inbrenger and private standpoints (issue 18)', () => {
  const harness = serverHarness()

  async function setup(names = NAMES) {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Intervisie', { templateId: 'incidentmethode' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const tokens = await Promise.all(names.map((name) => tokenFor(server.url, board, 'participant', name)))
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    const control = harness.connect(controlRoom(board.id), facilitator)
    const watcher = harness.connect(board.id, facilitator)
    const people = tokens.map((token) => harness.connect(board.id, token))
    await Promise.all([control.synced, watcher.synced, ...people.map((client) => client.synced)])
    const rounds = listRounds(control.doc)
    const start = async (title: string) => {
      const round = rounds.find((candidate) => candidate.title === title)
      const response = await call(facilitator, 'POST', '/session', { action: 'start', roundId: round?.id })
      expect(response.status).toBe(200)
      await waitFor(() => readTimer(control.doc).roundId === round?.id, 5000, `round ${title}`)
      return round?.id ?? ''
    }
    const stepOf = async (roundId: string) => {
      await waitFor(() => readGroupStep(control.doc, roundId) !== null, 5000, 'group step')
      return readGroupStep(control.doc, roundId) as GroupStep
    }
    const tokenOf = (id: string) => tokens.find((token) => participantIdOf(token) === id) as string
    return { server, board, facilitator, tokens, call, control, watcher, start, stepOf, tokenOf }
  }

  it('opens with the look back and works with the whole group when eight or fewer are present', async () => {
    const { control, start, stepOf, tokens } = await setup(NAMES.slice(0, 6))
    expect(listRounds(control.doc)[0]).toMatchObject({ title: 'Terugblik', minutes: 5 })
    const step = await stepOf(await start('Vragenronde'))
    expect(step.groups).toHaveLength(1)
    expect(step.groups[0]?.members.map((member) => member.id).sort()).toEqual(
      tokens.map(participantIdOf).sort(),
    )
  })

  it('defaults to the case author, lets only the facilitator choose, and gives the inbrenger read-only standpoints', async () => {
    const { board, facilitator, tokens, call, control, watcher, start, stepOf, tokenOf } = await setup()
    // The chosen case is Hanna's note in "Keuze casus".
    const hanna = participantIdOf(tokens[7] as string)
    const caseZone = listZones(watcher.doc).find((zone) => zone.title === 'Keuze casus')
    if (!caseZone) throw new Error('no Keuze casus zone')
    createNote(watcher.doc, {
      x: caseZone.x + 30,
      y: caseZone.y + 90,
      zoneId: caseZone.id,
      text: 'Een ouder werd boos bij de balie',
      authorId: hanna,
      authorName: 'Hanna',
    })
    await sleep(300)

    // Ten people: two groups of five, each with an inbrenger and the next member as notulist.
    const questions = await stepOf(await start('Vragenronde'))
    expect(questions.groups.map((group) => group.members.length)).toEqual([5, 5])
    const hannasGroup = groupOf(questions, hanna) as GroupStep['groups'][number]
    const otherGroup = questions.groups.find((group) => group !== hannasGroup) as GroupStep['groups'][number]
    expect(inbrengerOf(questions, hannasGroup)?.id).toBe(hanna)
    expect(inbrengerOf(questions, otherGroup)?.id).toBe(otherGroup.members[0]?.id)
    expect(notulistOf(questions, hannasGroup)?.id).not.toBe(hanna)

    // Only the facilitator chooses, and only a member of that group.
    const otherInbrenger = otherGroup.members[2]?.id as string
    const choose = (token: string, groupId: string, participantId: string) =>
      call(token, 'POST', '/groups', { action: 'inbrenger', groupId, participantId })
    expect((await choose(tokenOf(otherInbrenger), otherGroup.id, otherInbrenger)).status).toBe(403)
    expect((await choose(facilitator, otherGroup.id, hanna)).status).toBe(404)
    expect((await choose(facilitator, otherGroup.id, otherInbrenger)).status).toBe(200)
    await waitFor(
      () =>
        readGroupStep(control.doc, questions.roundId)?.groups.some((g) => g.inbrengerId === otherInbrenger) ??
        false,
      3000,
      'chosen inbrenger stored',
    )
    // No private standpoints in the questions round: the inbrenger may not read anyone's drafts.
    const [adviser, secondAdviser] = hannasGroup.members.filter((member) => member.id !== hanna)
    if (!adviser || !secondAdviser) throw new Error('too few advisers')
    expect(await roomUpgradeStatus(harness.server, draftsRoom(board.id, adviser.id), tokenOf(hanna))).toBe(
      403,
    )

    // Standpunten: the same groups and inbrengers; the adviser writes privately.
    const standpoints = await stepOf(await start('Standpunten'))
    expect(standpoints.standpointsToInbrenger).toBe(true)
    expect(inbrengerOf(standpoints, groupOf(standpoints, otherInbrenger) as never)?.id).toBe(otherInbrenger)
    const own = harness.connect(draftsRoom(board.id, adviser.id), tokenOf(adviser.id))
    await own.synced
    const standpointZone = listZones(watcher.doc).find((zone) => zone.title === 'Standpunten')
    createNote(own.doc, {
      x: 10,
      y: 10,
      zoneId: standpointZone?.id ?? null,
      text: 'Ik zou eerst de ouder laten uitpraten',
      authorId: adviser.id,
      authorName: adviser.name,
    })

    // Hanna, their inbrenger, reads it with a stock client and her own token.
    const reader = harness.connect(draftsRoom(board.id, adviser.id), tokenOf(hanna))
    await reader.synced
    await waitFor(
      () => listDrafts(reader.doc).some((note) => note.text.startsWith('Ik zou eerst')),
      3000,
      'read',
    )
    // …but cannot write there: her note is dropped, the adviser never gets it.
    createNote(reader.doc, {
      x: 0,
      y: 0,
      zoneId: null,
      text: 'Geschreven door de inbrenger',
      authorId: hanna,
      authorName: 'Hanna',
    })
    await sleep(500)
    expect(listDrafts(own.doc).map((note) => note.text)).toEqual(['Ik zou eerst de ouder laten uitpraten'])

    // Refused: another adviser of the same group, the inbrenger of the other group, a viewer-less stranger.
    const status = (token: string) =>
      roomUpgradeStatus(harness.server, draftsRoom(board.id, adviser.id), token)
    expect(await status(tokenOf(secondAdviser.id))).toBe(403)
    expect(await status(tokenOf(otherInbrenger))).toBe(403)
    // The other group's inbrenger may read their own advisers, not Hanna's group.
    const otherAdviser = otherGroup.members.find((member) => member.id !== otherInbrenger)?.id as string
    expect(
      await roomUpgradeStatus(harness.server, draftsRoom(board.id, otherAdviser), tokenOf(otherInbrenger)),
    ).toBe(101)
    expect(await roomUpgradeStatus(harness.server, draftsRoom(board.id, otherAdviser), tokenOf(hanna))).toBe(
      403,
    )

    // A standpoint written in the group's own space (a phone's first card) goes to the plenary zone too.
    const second = harness.connect(draftsRoom(board.id, secondAdviser.id), tokenOf(secondAdviser.id))
    await second.synced
    createNote(second.doc, {
      x: 10,
      y: 10,
      zoneId: hannasGroup.zoneId,
      text: 'Vraag wat de ouder nodig had',
      authorId: secondAdviser.id,
      authorName: secondAdviser.name,
    })
    await sleep(400)

    // A groupmate whose room holds a draft the facilitator hid (say, a client's name) is not
    // readable: the socket would carry the whole room.
    const hiddenOwner = hannasGroup.members.find(
      (m) => m.id !== hanna && m.id !== adviser.id && m.id !== secondAdviser.id,
    )
    if (!hiddenOwner) throw new Error('no third adviser')
    const third = harness.connect(draftsRoom(board.id, hiddenOwner.id), tokenOf(hiddenOwner.id))
    await third.synced
    const secret = createNote(third.doc, {
      x: 0,
      y: 0,
      zoneId: null,
      text: 'Mevrouw Jansen, kamer 12',
      authorId: hiddenOwner.id,
      authorName: hiddenOwner.name,
    })
    await sleep(400)
    const readHidden = () =>
      roomUpgradeStatus(harness.server, draftsRoom(board.id, hiddenOwner.id), tokenOf(hanna))
    expect(await readHidden()).toBe(101)
    expect(
      (await call(facilitator, 'PATCH', `/drafts/${hiddenOwner.id}/${secret}`, { hidden: true })).status,
    ).toBe(204)
    expect(
      await roomUpgradeStatus(harness.server, draftsRoom(board.id, hiddenOwner.id), tokenOf(hanna)),
    ).toBe(403)

    // The facilitator's reveal puts the standpoints in the plenary zone for everyone.
    const revealed = await call<{ revealed: number }>(facilitator, 'POST', '/reveal', {})
    expect(revealed.body.revealed).toBe(2)
    await waitFor(
      () =>
        listNotes(watcher.doc).some(
          (note) => note.text === 'Vraag wat de ouder nodig had' && note.zoneId === standpointZone?.id,
        ),
      3000,
      'a standpoint from the group space in the plenary zone',
    )
    await waitFor(
      () =>
        listNotes(watcher.doc).some(
          (note) => note.text.startsWith('Ik zou eerst') && note.zoneId === standpointZone?.id,
        ),
      3000,
      'revealed standpoint in the plenary zone',
    )

    // The step ends (the next round starts): Hanna's open socket is closed and she is refused.
    const closed = nextCloseCode(reader)
    await start('Reactie inbrenger')
    expect(await closed).toBe(4403)
    reader.destroy()
    expect(await status(tokenOf(hanna))).toBe(403)
  })
})
