import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresPersistence } from '../../server/src/persistence/postgres'
import type { CreatedCommunity } from '../../shared/src/api/communityAnswers'
import { setHarvestNotes } from '../../shared/src/model/harvestNotes'
import { listRounds } from '../../shared/src/model/rounds'
import { unescapeMarkdown } from '../../shared/src/report/markdown'
import { controlRoom } from '../../shared/src/rooms'
import {
  bearer,
  type CreatedSession,
  communityPage,
  createCommunity,
  createSession,
  writeNotes,
} from '../helpers/community'
import { DATABASE_URL, dropSchema, freshSchema, servicesAvailable } from '../helpers/services'
import { api, startTestServer, type TestServer, tokenFor } from '../helpers/testServer'
import { connectClient, waitFor } from '../helpers/yclient'

/**
 * The Jaaroverzicht and the sessions' verslagen of a community (issue 19), through the real server
 * (SQLite) and stock y-websocket clients: three sessions made through the API, session 1 run to
 * its end with votes and insights, session 2 running with a status set in its Terugblik, session 3
 * planned with the next status. The downloads must tell each session, the history of the actions,
 * the words that came back and who was there; the PDF is drawn to a picture and checked by eye.
 */

const AGREEMENTS = [
  'Wie: Fatima\nWat: flyer maken voor het buurthuis\nWanneer: 1 april',
  'Wie: Sjoerd\nWat: wethouder uitnodigen\nWanneer: mei',
]
const PDF_DIR =
  process.env.OOGST_PICTURES_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-jaaroverzicht-'))

function jaaroverzichtScenario(label: string, start: () => Promise<TestServer>) {
  describe(`the Jaaroverzicht of a community (${label})`, () => {
    let server: TestServer
    let url: string
    let community: CreatedCommunity
    const sessions: CreatedSession[] = []
    const session = (index: number): CreatedSession => {
      const made = sessions[index]
      if (!made) throw new Error(`session ${index + 1} was not made`)
      return made
    }
    const post = (board: CreatedSession, route: string, body: unknown, token = board.facilitatorKey) =>
      api<unknown>(url, 'POST', `/api/boards/${board.id}${route}`, body, bearer(token))
    const download = (route: string, key: string) => fetch(`${url}${route}`, { headers: bearer(key) })

    /** Runs the script of a session's rounds; `all` to its end, else only the first round started. */
    async function runRounds(board: CreatedSession, all: boolean): Promise<void> {
      const token = await tokenFor(url, board, 'facilitator', 'Begeleider')
      const control = connectClient(server.wsUrl, controlRoom(board.id), token)
      await control.synced
      const rounds = listRounds(control.doc)
      control.destroy()
      const first = rounds[0]
      if (!first) throw new Error('the template has no rounds')
      expect((await post(board, '/session', { action: 'start', roundId: first.id })).status).toBe(200)
      if (!all) return
      for (let i = 1; i <= rounds.length; i++)
        expect((await post(board, '/session', { action: 'skip' })).status).toBe(200)
    }

    async function setStatus(
      board: CreatedSession,
      who: string,
      status: string,
      note: string,
    ): Promise<void> {
      const page = await communityPage(url, community)
      const flyer = page.actions.find((action) => action.who === 'Fatima')
      if (!flyer) throw new Error('no flyer action')
      const token = await tokenFor(url, board, 'participant', who)
      const answer = await post(board, `/actions/${flyer.id}/status`, { status, note }, token)
      expect(answer.status).toBe(201)
    }

    beforeAll(async () => {
      server = await start()
      url = server.url
      community = await createCommunity(url, 'Wijkteams Zuidoost', {
        description: 'Vier keer per jaar leren de wijkteams van elkaar.',
      })

      // Session 1: notes, agreements, a vote, the begeleider's insights; the script ran to its end.
      sessions.push(
        await createSession(url, community, {
          title: 'Aftrap',
          templateId: 'los-model',
          question: 'Hoe bereiken we eenzame buurtbewoners?',
        }),
      )
      const anna = await tokenFor(url, session(0), 'participant', 'Anna')
      const bram = await tokenFor(url, session(0), 'participant', 'Bram')
      await writeNotes(server.wsUrl, session(0).id, anna, /afspraken/i, AGREEMENTS)
      const [koffie] = await writeNotes(server.wsUrl, session(0).id, anna, /succesvolle/i, [
        'Koffieochtend met buurtbewoners in het buurthuis',
        'De huisarts kent de eenzame bewoners',
      ])
      await writeNotes(server.wsUrl, session(0).id, bram, /organisatiegraad/i, [
        'Vervoer naar het buurthuis regelen',
      ])
      const open = { action: 'open', perPerson: 3, maxPerNote: 3, scope: 'board', hideResults: false }
      expect((await post(session(0), '/voting', open)).status).toBe(200)
      expect((await post(session(0), '/votes', { noteId: koffie, delta: 1 }, bram)).status).toBe(200)
      expect((await post(session(0), '/votes', { noteId: koffie, delta: 1 }, anna)).status).toBe(200)
      expect((await post(session(0), '/voting', { action: 'close' })).status).toBe(200)
      const facilitator = await tokenFor(url, session(0), 'facilitator', 'Begeleider')
      const control = connectClient(server.wsUrl, controlRoom(session(0).id), facilitator)
      await control.synced
      setHarvestNotes(control.doc, {
        insights: '- Bewoners vinden ons via de huisarts\n- Vervoer is de drempel',
      })
      const check = connectClient(server.wsUrl, controlRoom(session(0).id), facilitator)
      await check.synced
      await waitFor(
        () => check.doc.getMap('session').get('harvestInsights') !== undefined,
        5000,
        'insights stored',
      )
      control.destroy()
      check.destroy()
      await runRounds(session(0), true)

      // Session 2: the flyer is "loopt"; buurtbewoners and vervoer come back; a round is running.
      sessions.push(await createSession(url, community, { title: 'Verdieping' }))
      const cas = await tokenFor(url, session(1), 'participant', 'Cas')
      await writeNotes(server.wsUrl, session(1).id, cas, /succesvolle/i, [
        'Een buurtbewoner zonder vervoer blijft thuis',
      ])
      await setStatus(session(1), 'Fatima', 'ongoing', 'flyer bijna klaar')
      await runRounds(session(1), false)

      // Session 3, not held yet: the flyer is done.
      sessions.push(await createSession(url, community, { title: 'Afsluiting' }))
      await setStatus(session(2), 'Fatima', 'done', '')
    }, 90_000)
    afterAll(async () => {
      await server?.close()
    })

    it('tells each session, the history of the actions, what came back and who was there (Markdown)', async () => {
      const response = await download(
        `/api/communities/${community.id}/report?format=md`,
        community.facilitatorKey,
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="jaaroverzicht-wijkteams-zuidoost-\d{4}-\d\d-\d\d\.md"$/,
      )
      const text = unescapeMarkdown(await response.text())
      fs.writeFileSync(path.join(PDF_DIR, `jaaroverzicht-${label}.md`), text)
      expect(text).toContain('# Jaaroverzicht: Wijkteams Zuidoost')
      expect(text).toContain('- **Aantal sessies:** 3')
      expect(text).toContain('- **Afspraken:** 1 van de 2 afspraken zijn gedaan.')
      expect(text).toMatch(/### Sessie 1: Aftrap \(/)
      expect(text).toContain('**Vraag:** “Hoe bereiken we eenzame buurtbewoners?”')
      expect(text).toContain('- **Inzicht:** Bewoners vinden ons via de huisarts')
      expect(text).toContain(
        '- **Veel stippen:** Koffieochtend met buurtbewoners in het buurthuis (2 stippen)',
      )
      expect(text).toContain('- **Afspraak:** Fatima: flyer maken voor het buurthuis (1 april)')
      expect(text).toContain('Deze sessie is nog bezig.')
      expect(text).toContain('Deze sessie is nog niet gehouden.')
      expect(text).toContain(
        '| Fatima: flyer maken voor het buurthuis (1 april) | sessie 1 | sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan | gedaan |',
      )
      expect(text).toContain('| Sjoerd: wethouder uitnodigen (mei) | sessie 1 | – | open |')
      // Words that came back in two sessions, by stem: "buurtbewoners" / "buurtbewoner", "vervoer".
      expect(text).toMatch(/\| buurtbewoners? \| 1, 2 \|/)
      expect(text).toContain('| vervoer | 1, 2 |')
      // The Terugblik's copies of session 1's agreements do not make "flyer" a theme of session 2.
      expect(text).not.toMatch(/\| flyer \| /)
      // Attendance: Anna and Bram in session 1, Cas in session 2 (Fatima only set a status), nobody yet in 3.
      expect(text).toMatch(/\| 1\. Aftrap \| [^|]+ \| █+ \| 2 \|/)
      expect(text).toMatch(/\| 2\. Verdieping \| [^|]+ \| █{10} \| 1 \|/)
      expect(text).toMatch(/\| 3\. Afsluiting \| [^|]+ \| +\| – \|/)
    }, 60_000)

    it('renders the same document as PDF (drawn to a picture), Word and HTML', async () => {
      const response = await download(
        `/api/communities/${community.id}/report?format=pdf`,
        community.facilitatorKey,
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/pdf')
      const pdf = Buffer.from(await response.arrayBuffer())
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      const file = path.join(PDF_DIR, `jaaroverzicht-${label}.pdf`)
      fs.writeFileSync(file, pdf)
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      expect(text).toContain('Jaaroverzicht: Wijkteams Zuidoost')
      expect(text).toContain('flyer bijna klaar')
      expect(text).toContain('Wat steeds terugkomt')
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        file,
        path.join(PDF_DIR, `jaaroverzicht-${label}`),
      ])
      expect(fs.existsSync(path.join(PDF_DIR, `jaaroverzicht-${label}-1.png`))).toBe(true)

      const docx = await download(
        `/api/communities/${community.id}/report?format=docx`,
        community.facilitatorKey,
      )
      expect(docx.status).toBe(200)
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK')
      const html = await download(
        `/api/communities/${community.id}/report?format=html`,
        community.facilitatorKey,
      )
      expect(html.headers.get('content-security-policy')).toContain('sandbox')
      expect(await html.text()).toContain('<h1 dir="auto">Jaaroverzicht: Wijkteams Zuidoost</h1>')
    }, 120_000)

    it('is for the community key only: 401 without it or with a session key, 404 for no community, 400 for a wrong format', async () => {
      const route = `/api/communities/${community.id}/report?format=md`
      expect((await fetch(`${url}${route}`)).status).toBe(401)
      expect((await download(route, session(0).facilitatorKey)).status).toBe(401)
      const other = await createCommunity(url, 'Andere gemeenschap')
      expect((await download(route, other.facilitatorKey)).status).toBe(401)
      expect(
        (await download(`/api/communities/${session(0).id}/report?format=md`, community.facilitatorKey))
          .status,
      ).toBe(404)
      const wrong = await download(
        `/api/communities/${community.id}/report?format=csv`,
        community.facilitatorKey,
      )
      expect(wrong.status).toBe(400)
    }, 30_000)

    it("shows the Terugblik in session 2's verslag and the agreements' history in session 1's", async () => {
      const second = await download(
        `/api/boards/${session(1).id}/report?format=md`,
        session(1).facilitatorKey,
      )
      expect(second.status).toBe(200)
      const secondText = unescapeMarkdown(await second.text())
      expect(secondText).toContain('## Terugblik')
      expect(secondText).toContain(
        '| Fatima: flyer maken voor het buurthuis (1 april) | sessie 1 | loopt | flyer bijna klaar |',
      )
      expect(secondText).toContain('| Sjoerd: wethouder uitnodigen (mei) | sessie 1 | niet besproken | – |')

      const first = await download(`/api/boards/${session(0).id}/report?format=md`, session(0).facilitatorKey)
      const firstText = unescapeMarkdown(await first.text())
      expect(firstText).toContain('## Wat er met de afspraken gebeurde')
      expect(firstText).toContain(
        '| Fatima: flyer maken voor het buurthuis (1 april) | sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan | gedaan |',
      )
      expect(firstText).not.toContain('## Terugblik')

      // The preview (the export dialog) carries the same history.
      const preview = await api<{ model: { community?: { followUp: { history: unknown[] }[] } } }>(
        url,
        'GET',
        `/api/boards/${session(0).id}/report/preview`,
        undefined,
        bearer(session(0).facilitatorKey),
      )
      // (Two notes written in one moment: the verslag's order between them is by id.)
      const lengths = preview.body.model.community?.followUp.map((item) => item.history.length)
      expect(lengths?.sort()).toEqual([0, 2])
    }, 60_000)
  })
}

jaaroverzichtScenario('sqlite', () => startTestServer())

describe.skipIf(!servicesAvailable.postgres)('postgres', () => {
  const schema = freshSchema()
  afterAll(async () => {
    await dropSchema(schema)
  })
  jaaroverzichtScenario('postgres', async () =>
    startTestServer({
      store: await createPostgresPersistence({ connectionString: DATABASE_URL, schema, maxConnections: 4 }),
    }),
  )
})
