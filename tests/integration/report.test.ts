import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotes, listRoundLog, readVoteResults, setReportsShared } from '../../shared/src/model'
import { cleanText, fillSampleBoard, parseCsv, SAMPLE_TITLE, unescapeMarkdown } from '../../shared/src/report'
import { controlRoom } from '../../shared/src/rooms'
import { artifactPath, chromiumAvailable, launchBrowser } from '../helpers/browser'
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
 * The harvest report end to end: a board filled through real y-websocket clients, downloaded in
 * every format from the real server, and read back the way a person's tools would (unzipped
 * DOCX, PDF text via pdf.js, parsed CSV and JSON).
 */

type Download = { status: number; type: string; disposition: string; body: Buffer; json: () => unknown }
type ErrorBody = { error: { code: string; message: string } }

const FORMATS = ['md', 'html', 'csv', 'json', 'docx', 'pdf', 'svg', 'png'] as const
const FLAGGED = ['06-12345678', 'fatima@example.nl', '1234 AB 5', '+31 6 1234 5678']
const ANONYMOUS_AUTHOR = 'Geheime Gerrit'

/** Compares text whatever the layout did to it: no whitespace, no invisible direction marks. */
const squash = (text: string) =>
  text
    .normalize('NFC')
    .replace(
      /\s|\u200b|\u200c|\u200d|\u200e|\u200f|[\u202a-\u202e]|[\u2066-\u2069]|\ufe0e|\ufe0f|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu,
      '',
    )

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body)
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  expect(xml.startsWith('<?xml')).toBe(true)
  // Word refuses a whole document for one character XML does not allow (the note had a BEL and a NUL).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly those characters
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
  expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(
    true,
  )
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<\/w:p>/g)]
    .map((m) => (m[1] !== undefined ? m[1] : '\n'))
    .join('')
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '',
  )
}

/** Body text of every page (footer lines left out) and the footers on their own. */
async function pdfText(body: Buffer): Promise<{ text: string; footers: string[]; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false, isEvalSupported: false })
    .promise
  let text = ''
  const footers: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const items = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item ? [{ str: item.str, y: item.transform[5] as number }] : [],
    )
    text += items
      .filter((i) => i.y > 50)
      .map((i) => i.str)
      .join('')
    footers.push(
      items
        .filter((i) => i.y <= 50)
        .map((i) => i.str)
        .join(' '),
    )
  }
  return { text, footers, pages: pdf.numPages }
}

/** The text a reader sees in each format (tags, escapes and layout removed). */
async function readable(format: (typeof FORMATS)[number], download: Download): Promise<string> {
  const raw = download.body.toString('utf8')
  switch (format) {
    case 'md':
      return unescapeMarkdown(raw)
    case 'html':
      return raw
        .replace(/<head>[\s\S]*<\/head>/, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    case 'docx':
      return docxText(download.body)
    case 'pdf':
      return (await pdfText(download.body)).text
    default:
      return raw
  }
}

describe('harvest report over HTTP', () => {
  let server: TestServer
  let board: CreatedBoard
  let facilitator: string
  let participant: string
  let clients: YClient[] = []
  const expected: { id: string; text: string; zoneId: string | null }[] = []

  async function download(path: string, credential?: string): Promise<Download> {
    const response = await fetch(`${server.url}${path}`, {
      headers: credential ? { authorization: `Bearer ${credential}` } : {},
    })
    const body = Buffer.from(await response.arrayBuffer())
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      body,
      json: () => JSON.parse(body.toString('utf8')),
    }
  }

  beforeAll(async () => {
    server = await startTestServer()
    board = await createBoard(server.url, SAMPLE_TITLE)
    facilitator = await tokenFor(server.url, board, 'facilitator', 'Anouk')
    participant = await tokenFor(server.url, board, 'participant', 'Bram')
    const content = connectClient(server.wsUrl, board.id, facilitator)
    const control = connectClient(server.wsUrl, controlRoom(board.id), facilitator)
    clients = [content, control]
    await Promise.all([content.synced, control.synced])
    fillSampleBoard(content.doc, control.doc)
    for (const note of listNotes(content.doc)) {
      expected.push({ id: note.id, text: cleanText(note.text), zoneId: note.zoneId })
    }
    // A second, read-only client seeing everything means the server stored it (durable first).
    const viewerToken = await tokenFor(server.url, board, 'viewer')
    const watch = connectClient(server.wsUrl, board.id, viewerToken)
    const watchControl = connectClient(server.wsUrl, controlRoom(board.id), viewerToken)
    clients.push(watch, watchControl)
    await waitFor(() => listNotes(watch.doc).length === 22, 10_000, 'notes stored')
    await waitFor(
      () =>
        listRoundLog(watchControl.doc).length === 3 &&
        Object.keys(readVoteResults(watchControl.doc)).length === 6,
      10_000,
      'session stored',
    )
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
  })

  it('serves every format to a facilitator with its content type and a dated file name', async () => {
    const types: Record<string, string> = {
      md: 'text/markdown',
      html: 'text/html',
      csv: 'text/csv',
      json: 'application/json',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      svg: 'image/svg+xml',
      png: 'image/png',
    }
    for (const format of FORMATS) {
      const res = await download(`/api/boards/${board.id}/report?format=${format}`, board.facilitatorKey)
      expect(res.status, format).toBe(200)
      expect(res.type.startsWith(types[format] ?? '?'), format).toBe(true)
      expect(res.disposition).toBe(
        `attachment; filename="oogst-buurtavond-zuidoost-samen-sterker-2025-03-12.${format}"`,
      )
    }
  })

  it('has every note once after the summary in every document format, and no anonymous note’s author', async () => {
    for (const format of ['md', 'html', 'csv', 'json', 'docx', 'pdf'] as const) {
      const res = await download(`/api/boards/${board.id}/report?format=${format}`, facilitator)
      const text = await readable(format, res)
      if (format === 'csv') {
        expect(text, format).not.toContain(ANONYMOUS_AUTHOR)
        const rows = parseCsv(res.body.toString('utf8'), ';').slice(1)
        expect(rows.map((row) => row[7]?.replace(/^'/, '')).sort()).toEqual(
          expected.map((n) => n.text).sort(),
        )
        continue
      }
      if (format === 'json') {
        const backup = res.json() as {
          notes: { id: string; text: string; authorName: string; anonymous: boolean }[]
        }
        expect(backup.notes.map((n) => [n.id, n.text]).sort()).toEqual(
          expected.map((n) => [n.id, n.text]).sort(),
        )
        expect(backup.notes.filter((n) => n.anonymous).map((n) => n.authorName)).toEqual(['', ''])
        continue
      }
      const flat = squash(text)
      // Who took part is named once (he wrote only anonymous notes: no note carries his name).
      expect(count(flat, squash(ANONYMOUS_AUTHOR)), format).toBe(1)
      // The summary repeats the top notes and holds the agreements; after it, each note is there once.
      const bodyStart = flat.indexOf(squash('Buiten een ronde geschreven'))
      expect(bodyStart, format).toBeGreaterThan(0)
      const summary = flat.slice(0, bodyStart)
      const body = flat.slice(bodyStart)
      for (const note of expected) {
        const shown = squash(note.text.trim() === '' ? '(leeg briefje)' : note.text)
        if (note.zoneId === 'z-afspraken') continue // the Wie/Wat/Wanneer table: checked below
        expect(count(body, shown), `${format}: ${note.id}`).toBe(1)
      }
      expect(count(summary, squash('flyer maken voor de koffieochtend')), format).toBe(1)
      expect(count(summary, squash('Youssef regelt de zaal voor 15 maart')), format).toBeGreaterThanOrEqual(1)
    }
  })

  it('keeps note text from being interpreted as HTML', async () => {
    const res = await download(`/api/boards/${board.id}/report?format=html`, facilitator)
    const html = res.body.toString('utf8')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<[^>]+\sonerror\s*=/i)
    expect(html).toContain('&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;')
    expect(html).toContain(`content="default-src 'none'`)
    const ids = new Set([...html.matchAll(/data-note-id="([^"]+)"/g)].map((m) => m[1]))
    expect(ids.size).toBe(22)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  it.skipIf(!chromiumAvailable())(
    'opens the HTML in Chromium without running anything or fetching anything',
    async () => {
      const res = await download(`/api/boards/${board.id}/report?format=html`, facilitator)
      expect(res.disposition).toContain('.html"')
      const file = artifactPath('report.html')
      fs.writeFileSync(file, res.body)
      const browser = await launchBrowser()
      try {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
        const requests: string[] = []
        let dialogs = 0
        page.on('request', (request) => requests.push(request.url()))
        page.on('dialog', (dialog) => {
          dialogs++
          void dialog.dismiss()
        })
        await page.goto(`file://${file}`)
        // 20 notes in their questions, the five most-voted again in the summary.
        expect(await page.locator('li.note').count()).toBe(25)
        expect(await page.locator('tr[data-note-id]').count()).toBe(2)
        expect(await page.locator('script').count()).toBe(0)
        await page.screenshot({ path: artifactPath('report-html.png') })
        expect(dialogs).toBe(0)
        expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )

  it('removes the flagged personal data from every format when asked', async () => {
    const preview = await api<{ flags: { noteId: string; text: string }[] }>(
      server.url,
      'GET',
      `/api/boards/${board.id}/report/preview`,
      undefined,
      { authorization: `Bearer ${facilitator}` },
    )
    expect(preview.status).toBe(200)
    expect(preview.body.flags.map((f) => f.text)).toEqual(FLAGGED)
    for (const format of ['md', 'html', 'csv', 'json', 'docx', 'pdf', 'svg'] as const) {
      const res = await download(`/api/boards/${board.id}/report?format=${format}&redact=true`, facilitator)
      const text = squash(await readable(format, res))
      for (const flagged of FLAGGED) expect(text, `${format}: ${flagged}`).not.toContain(squash(flagged))
      expect(text, format).toContain('[verwijderd]')
    }
  })

  it('numbers the PDF pages and renders them to PNG for a look', async () => {
    const res = await download(`/api/boards/${board.id}/report?format=pdf`, facilitator)
    const { footers, pages } = await pdfText(res.body)
    expect(pages).toBeGreaterThan(1)
    expect(footers[0]).toContain(`Pagina 1 van ${pages}`)
    expect(footers.at(-1)).toContain(`Pagina ${pages} van ${pages}`)
    const file = artifactPath('report.pdf')
    fs.writeFileSync(file, res.body)
    execFileSync('pdftoppm', ['-png', '-r', '60', file, artifactPath('report-page')])
    expect(fs.existsSync(artifactPath('report-page-1.png'))).toBe(true)
    const png = await download(`/api/boards/${board.id}/report?format=png`, facilitator)
    expect(png.body.subarray(1, 4).toString()).toBe('PNG')
    fs.writeFileSync(artifactPath('report-board.png'), png.body)
    const zone = await download(`/api/boards/${board.id}/report?format=png&zone=z-beter`, facilitator)
    expect(zone.disposition).toContain('oogst-buurtavond-zuidoost-samen-sterker-wat-kan-beter-2025-03-12.png')
    fs.writeFileSync(artifactPath('report-zone.png'), zone.body)
  })

  it('exports JSON, imports it as a new board, and exports the same JSON again', async () => {
    const exported = await download(`/api/boards/${board.id}/report?format=json`, facilitator)
    const created = await api<CreatedBoard>(
      server.url,
      'POST',
      '/api/boards/import',
      exported.body.toString('utf8'),
    )
    expect(created.status).toBe(201)
    expect(created.body.id).not.toBe(board.id)
    const again = await download(
      `/api/boards/${created.body.id}/report?format=json`,
      created.body.facilitatorKey,
    )
    // Only the moment of export differs; the new board's id and key are not part of the file.
    const withoutExportTime = (value: unknown) => ({ ...(value as object), exportedAt: 0 })
    expect(withoutExportTime(again.json())).toEqual(withoutExportTime(exported.json()))

    const viewer = await tokenFor(server.url, created.body, 'viewer')
    const client = connectClient(server.wsUrl, created.body.id, viewer)
    clients.push(client)
    await client.synced
    expect(listNotes(client.doc)).toHaveLength(22)
  })

  it('refuses a malformed backup with a message that names the problem', async () => {
    const exported = (await download(`/api/boards/${board.id}/report?format=json`, facilitator)).json() as {
      notes: { color: string }[]
    }
    const first = exported.notes[0]
    if (first) first.color = 'red'
    const bad = await api<ErrorBody>(server.url, 'POST', '/api/boards/import', exported)
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_backup')
    expect(bad.body.error.message).toMatch(/notes\.0\.color/)
    const notJson = await api<ErrorBody>(server.url, 'POST', '/api/boards/import', '{nope')
    expect(notJson.status).toBe(400)
  })

  it('lets facilitators in, participants only once reports are shared, and nobody else', async () => {
    const path = `/api/boards/${board.id}/report?format=md`
    expect((await download(path)).status).toBe(401)
    expect((await download(path, 'not-a-token')).status).toBe(401)
    const other = await createBoard(server.url, 'Ander bord')
    expect((await download(path, await tokenFor(server.url, other, 'facilitator'))).status).toBe(401)
    const refused = await download(path, participant)
    expect(refused.status).toBe(403)
    expect((refused.json() as ErrorBody).error.code).toBe('reports_not_shared')
    expect((await download(`/api/boards/${board.id}/report/preview`, participant)).status).toBe(403)
    expect((await download(path, facilitator)).status).toBe(200)
    expect((await download(path, board.facilitatorKey)).status).toBe(200)

    const control = clients[1]
    if (!control) throw new Error('control client missing')
    setReportsShared(control.doc, true)
    let shared = 0
    for (let i = 0; i < 100 && shared !== 200; i++) {
      shared = (await download(path, participant)).status
      if (shared !== 200) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(shared).toBe(200)
    // A shared report leaves personal data out for participants, even when they ask for it in;
    // the JSON backup (everyone's notes with their ids) stays with the begeleiders.
    const asked = (
      await download(`/api/boards/${board.id}/report?format=md&redact=false`, participant)
    ).body.toString('utf8')
    const full = (
      await download(`/api/boards/${board.id}/report?format=md&redact=false`, facilitator)
    ).body.toString('utf8')
    for (const personal of FLAGGED) {
      expect(full).toContain(personal)
      expect(asked).not.toContain(personal)
    }
    const backup = await download(`/api/boards/${board.id}/report?format=json`, participant)
    expect(backup.status).toBe(403)
    expect((backup.json() as ErrorBody).error.code).toBe('backup_for_facilitators')

    // Sharing is for people who still have access: a removed participant is refused.
    const removed = await tokenFor(server.url, board, 'participant', 'Weg')
    expect((await download(path, removed)).status).toBe(200)
    const me = await api<{ participantId: string }>(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
      authorization: `Bearer ${removed}`,
    })
    const revoke = `/api/boards/${board.id}/participants/${me.body.participantId}/revoke`
    expect(
      (await api(server.url, 'POST', revoke, undefined, { authorization: `Bearer ${facilitator}` })).status,
    ).toBe(204)
    expect((await download(path, removed)).status).toBe(401)
    setReportsShared(control.doc, false)
  })

  it('validates the query: format, zone, and no partial backups', async () => {
    const base = `/api/boards/${board.id}/report`
    const cases: [string, number, string][] = [
      ['?format=exe', 400, 'invalid_query'],
      ['', 400, 'invalid_query'],
      ['?format=svg&zone=nope', 404, 'unknown_zone'],
      ['?format=json&zone=z-goed', 400, 'invalid_query'],
    ]
    for (const [query, status, code] of cases) {
      const res = await download(`${base}${query}`, facilitator)
      expect(res.status, query).toBe(status)
      expect((res.json() as ErrorBody).error.code).toBe(code)
    }
    expect((await download('/api/boards/AAAAAAAAAAAAAAAAAAAAAA/report?format=md', facilitator)).status).toBe(
      404,
    )
  })
})
