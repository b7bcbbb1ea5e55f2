import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { listNotes, readVoteResults } from '../../shared/src/model'
import { readHarvestNotes, setHarvestNotes } from '../../shared/src/model/harvestNotes'
import { fillLargeBoard, fillSampleBoard, type ReportModel, SAMPLE_TITLE } from '../../shared/src/report'
import { controlRoom } from '../../shared/src/rooms'
import { artifactPath } from '../helpers/browser'
import {
  api,
  type CreatedBoard,
  createBoard,
  startTestServer,
  type TestServer,
  tokenFor,
} from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * The harvest as a verslag, from a finished session made with stock y-websocket clients: the
 * summary on page 1 with the facilitator's own words (stored in the board, writable by
 * facilitators only), the most-voted notes, a Word table of contents, a PDF with bookmarks and
 * tags, and a 2,000-note board whose summary still fits on one or two pages.
 */

const FORMATS = ['md', 'html', 'csv', 'json', 'docx', 'pdf', 'svg', 'png'] as const
const INSIGHTS = 'Vervoer is voor ouderen het grootste knelpunt.'

interface Session {
  board: CreatedBoard
  facilitator: string
  clients: YClient[]
}

async function fetchReport(server: TestServer, session: Session, query: string): Promise<Buffer> {
  const response = await fetch(`${server.url}/api/boards/${session.board.id}/report?${query}`, {
    headers: { authorization: `Bearer ${session.facilitator}` },
  })
  expect(response.status, query).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

async function pdfPages(body: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false, isEvalSupported: false })
    .promise
  const pages: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages
}

/** A board filled through a facilitator's real clients, stored once a viewer sees it all. */
async function session(server: TestServer, title: string, fill: (content: Y.Doc, control: Y.Doc) => void) {
  const board = await createBoard(server.url, title)
  const facilitator = await tokenFor(server.url, board, 'facilitator', 'Anouk')
  const content = connectClient(server.wsUrl, board.id, facilitator)
  const control = connectClient(server.wsUrl, controlRoom(board.id), facilitator)
  await Promise.all([content.synced, control.synced])
  fill(content.doc, control.doc)
  const viewer = await tokenFor(server.url, board, 'viewer')
  const watch = connectClient(server.wsUrl, board.id, viewer)
  const watchControl = connectClient(server.wsUrl, controlRoom(board.id), viewer)
  const notes = listNotes(content.doc).length
  const votes = Object.keys(readVoteResults(control.doc)).length
  await waitFor(
    () =>
      listNotes(watch.doc).length === notes &&
      Object.keys(readVoteResults(watchControl.doc)).length === votes,
    30_000,
    'board stored',
  )
  return { board, facilitator, clients: [content, control, watch, watchControl], control: control.doc }
}

describe('the harvest as a verslag', () => {
  let server: TestServer
  let small: Session & { control: Y.Doc }
  let large: Session

  beforeAll(async () => {
    server = await startTestServer()
    small = await session(server, SAMPLE_TITLE, (content, control) => {
      fillSampleBoard(content, control)
      setHarvestNotes(control, {
        insights: INSIGHTS,
        followUp: 'Fatima belt de gemeente.',
        nextMeeting: '2025-04-10',
      })
    })
    large = await session(server, 'Grote wijkconferentie', (content, control) =>
      fillLargeBoard(content, control, 2000),
    )
  }, 120_000)

  afterAll(async () => {
    for (const client of [...(small?.clients ?? []), ...(large?.clients ?? [])]) client.destroy()
    await server?.close()
  })

  it('keeps the facilitator’s summary fields in the board; a participant cannot change them', async () => {
    const participant = await tokenFor(server.url, small.board, 'participant', 'Bram')
    const client = connectClient(server.wsUrl, controlRoom(small.board.id), participant)
    await client.synced
    small.clients.push(client)
    await waitFor(
      () => readHarvestNotes(client.doc).insights === INSIGHTS,
      10_000,
      'participant sees the insights',
    )
    // The server answers a write to a room one may only read with a y-protocols auth frame
    // (message type 2, "permission denied"): wait for that answer rather than for a while.
    let denied = false
    client.provider.ws?.addEventListener('message', (event: MessageEvent) => {
      if (new Uint8Array(event.data as ArrayBuffer)[0] === 2) denied = true
    })
    setHarvestNotes(client.doc, { insights: 'Overschreven door een deelnemer' })
    await waitFor(() => denied, 5000, 'the write refused')
    const preview = await api<{ model: ReportModel }>(
      server.url,
      'GET',
      `/api/boards/${small.board.id}/report/preview`,
      undefined,
      { authorization: `Bearer ${small.facilitator}` },
    )
    expect(preview.body.model.harvest).toEqual({
      insights: INSIGHTS,
      followUp: 'Fatima belt de gemeente.',
      nextMeeting: '2025-04-10',
    })
    expect(readHarvestNotes(small.control).insights).toBe(INSIGHTS)
  })

  it('serves every format, with the summary first and its top notes the most-voted', async () => {
    for (const format of FORMATS)
      expect((await fetchReport(server, small, `format=${format}`)).length).toBeGreaterThan(100)
    const md = (await fetchReport(server, small, 'format=md')).toString('utf8')
    const summary = md.slice(md.indexOf('## Samenvatting'), md.indexOf('### Meeste stippen per vraag'))
    expect(md.indexOf('## Samenvatting')).toBeLessThan(md.indexOf('## Wat gaat goed?'))
    const json = JSON.parse((await fetchReport(server, small, 'format=json')).toString('utf8')) as {
      notes: { id: string; text: string; createdAt: number }[]
      session: { voteResults: Record<string, number> }
    }
    const votes = json.session.voteResults
    const top = json.notes
      .filter((n) => (votes[n.id] ?? 0) > 0)
      .sort((a, b) => (votes[b.id] ?? 0) - (votes[a.id] ?? 0) || a.createdAt - b.createdAt)
      .slice(0, 5)
    const topList = summary.slice(summary.indexOf('### Meeste stippen'))
    const listed = topList.split('\n').filter((line) => line.startsWith('- '))
    expect(listed).toHaveLength(5)
    for (const [i, note] of top.entries()) expect(listed[i], note.id).toContain(note.text.slice(0, 30))
    // The facilitator's own words are on page 1, before the first question.
    const page1 = md.slice(0, md.indexOf('## Wat gaat goed?'))
    expect(page1).toContain(INSIGHTS)
    expect(page1).toContain('10 april 2025')
  })

  it('is compact when asked (and by itself above 200 notes), full when asked', async () => {
    const compactSmall = (await fetchReport(server, small, 'format=md&compact=true')).toString('utf8')
    expect(compactSmall).toMatch(/### De \d+ briefjes met de meeste stippen/)
    const fullSmall = (await fetchReport(server, small, 'format=md')).toString('utf8')
    expect(fullSmall).not.toMatch(/briefjes met de meeste stippen/)
    const autoLarge = (await fetchReport(server, large, 'format=md')).toString('utf8')
    expect(autoLarge).toContain('briefjes staan in de bijlage.')
    const fullLarge = (await fetchReport(server, large, 'format=md&compact=false')).toString('utf8')
    expect(fullLarge).not.toContain('briefjes staan in de bijlage.')
    const refused = await fetch(`${server.url}/api/boards/${small.board.id}/report?format=md&compact=soms`, {
      headers: { authorization: `Bearer ${small.facilitator}` },
    })
    expect(refused.status).toBe(400)
  })

  it('gives Word a table of contents field and the PDF bookmarks and a structure tree', async () => {
    const docx = await JSZip.loadAsync(await fetchReport(server, small, 'format=docx'))
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toMatch(/TOC [^<]*\\o/)
    const pdf = (await fetchReport(server, small, 'format=pdf')).toString('latin1')
    expect(pdf).toContain('/Outlines')
    expect(pdf).toContain('/StructTreeRoot')
    const file = artifactPath('verslag-small.pdf')
    fs.writeFileSync(file, Buffer.from(pdf, 'latin1'))
    execFileSync('pdftoppm', ['-png', '-r', '60', file, artifactPath('verslag-small-page')])
  })

  it('fits the 2,000-note summary on one or two pages, and says how long each format took', async () => {
    const timings: string[] = []
    let pdf: Buffer = Buffer.alloc(0)
    for (const format of FORMATS) {
      const started = performance.now()
      const body = await fetchReport(server, large, `format=${format}`)
      timings.push(`${format} ${Math.round(performance.now() - started)} ms, ${body.length} bytes`)
      if (format === 'pdf') pdf = body
    }
    const pages = await pdfPages(pdf)
    const keyFigures = pages.findIndex((text) => text.includes('Kerncijfers'))
    const firstQuestion = pages.findIndex((text) => /De \d+ briefjes met de meeste stippen/.test(text))
    expect(pages[0]).toContain('Samenvatting')
    expect(pages[0]).toContain('Meeste stippen per vraag') // the board's votes are in it
    expect(pages[0]).toContain('Deelnemers (40)')
    expect(keyFigures).toBeGreaterThanOrEqual(0)
    expect(keyFigures).toBeLessThanOrEqual(1) // page 1 or 2
    expect(firstQuestion).toBeGreaterThan(keyFigures)
    const file = artifactPath('verslag-2000.pdf')
    fs.writeFileSync(file, pdf)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '4', file, artifactPath('verslag-2000-page')])
    fs.writeFileSync(
      artifactPath('verslag-2000-timings.txt'),
      `${pages.length} pages; summary ends on page ${keyFigures + 1}\n${timings.join('\n')}\n`,
    )
    console.info(`2,000-note verslag: ${pages.length} pages\n${timings.join('\n')}`)
  }, 240_000)
})
