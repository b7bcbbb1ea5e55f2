import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNote, listNotes, listParticipantsEverJoined } from '../../shared/src/model'
import { parseCsv } from '../../shared/src/report'
import { controlRoom } from '../../shared/src/rooms'
import {
  type CreatedBoard,
  createBoard,
  participantIdOf,
  startTestServer,
  type TestServer,
  tokenFor,
} from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * Privacy in the downloaded report, through the real server and real y-websocket clients: two
 * participants write notes with a phone number, an obfuscated e-mail address and a bank account
 * in them; the redacted files lose exactly those (and say so in their name), and names=initials
 * leaves no participant's name in any text format.
 */

const PHONE = '06 - 12345678'
const EMAIL = 'fatima(at)example.nl'
const IBAN = 'NL91 ABNA 0417 1643 00'
const KEPT = 'Koffie om tien uur in de buurtkamer.'
const NOTE = `Bel Fatima op ${PHONE} of mail ${EMAIL}, rekening ${IBAN}. ${KEPT}`
const OTHER_NOTE = 'Bram de Vries regelt de sleutel'
const NAMES = ['Fatima el Amrani', 'Bram de Vries']
const TEXT_FORMATS = ['md', 'csv', 'html'] as const
/** The other formats a person downloads: checked for what must be gone. */
const OTHER_FORMATS = ['docx', 'pdf', 'json', 'svg'] as const

type Download = { status: number; filename: string; text: string; body: Buffer }

/** Words of a DOCX (its document.xml without tags), of a PDF (pdf.js text), of an SVG (no tags). */
async function otherText(format: (typeof OTHER_FORMATS)[number], body: Buffer): Promise<string> {
  if (format === 'docx') {
    const zip = await JSZip.loadAsync(body)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    return xml.replace(/<[^>]*>/g, '')
  }
  if (format === 'pdf') {
    const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false }).promise
    let text = ''
    for (let page = 1; page <= pdf.numPages; page++) {
      const items = (await (await pdf.getPage(page)).getTextContent()).items
      text += items.map((item) => ('str' in item ? item.str : '')).join('')
    }
    return text
  }
  return body.toString('utf8').replace(/<[^>]*>/g, ' ')
}

/** The text a reader sees: CSV cells joined, HTML without tags and entities. */
function readable(format: (typeof TEXT_FORMATS)[number], body: string): string {
  if (format === 'csv')
    return parseCsv(body, ';')
      .flat()
      .map((cell) => cell.replace(/^'/, ''))
      .join('\n')
  if (format === 'html')
    return body
      .replace(/<head>[\s\S]*<\/head>/, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&amp;/g, '&')
  return body.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&])/g, '$1')
}

describe('privacy in the downloaded report', () => {
  let server: TestServer
  let board: CreatedBoard
  let facilitator: string
  const clients: YClient[] = []

  async function download(query: string): Promise<Download> {
    const response = await fetch(`${server.url}/api/boards/${board.id}/report?${query}`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
    const disposition = response.headers.get('content-disposition') ?? ''
    const body = Buffer.from(await response.arrayBuffer())
    return {
      status: response.status,
      filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? '',
      text: body.toString('utf8'),
      body,
    }
  }

  beforeAll(async () => {
    server = await startTestServer()
    board = await createBoard(server.url, 'Buurtkamer privacy')
    facilitator = await tokenFor(server.url, board, 'facilitator', 'Anouk de Wit')
    const control = connectClient(server.wsUrl, controlRoom(board.id), facilitator)
    clients.push(control)
    for (const [index, name] of NAMES.entries()) {
      const token = await tokenFor(server.url, board, 'participant', name)
      const client = connectClient(server.wsUrl, board.id, token)
      clients.push(client)
      await client.synced
      createNote(client.doc, {
        text: index === 0 ? NOTE : OTHER_NOTE,
        authorId: participantIdOf(token),
        authorName: name,
        x: 4000 + index * 250,
        y: 4000,
      })
      await waitFor(() => listNotes(client.doc).length === index + 1, 5000, 'own note')
    }
    await control.synced
    await waitFor(() => listParticipantsEverJoined(control.doc).length >= 2, 5000, 'participants recorded')
    // The notes are stored before the report reads storage: wait until a plain report shows both.
    for (let attempt = 0; attempt < 50; attempt++) {
      const md = await download('format=md&redact=false')
      if (md.text.includes(KEPT) && md.text.includes('sleutel')) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.close()
  })

  it('names a plain download as before and keeps the personal data in it', async () => {
    const plain = await download('format=md&redact=false')
    expect(plain.status).toBe(200)
    expect(plain.filename).toMatch(/^oogst-buurtkamer-privacy-\d{4}-\d{2}-\d{2}\.md$/)
    for (const text of [PHONE, EMAIL, IBAN, KEPT]) expect(readable('md', plain.text)).toContain(text)
  })

  it.each(TEXT_FORMATS)(
    'redacts the phone number, e-mail and IBAN in %s and keeps the rest of the note',
    async (format) => {
      const redacted = await download(`format=${format}&redact=true`)
      expect(redacted.status).toBe(200)
      expect(redacted.filename).toMatch(
        new RegExp(`^oogst-buurtkamer-privacy-zonder-privegegevens-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
      )
      const text = readable(format, redacted.text)
      for (const gone of ['12345678', 'example.nl', 'fatima(at)', '0417', 'NL91'])
        expect(text, gone).not.toContain(gone)
      expect(text).toContain('Bel Fatima op [verwijderd] of mail [verwijderd], rekening [verwijderd].')
      expect(text).toContain(KEPT)
    },
  )

  it.each(TEXT_FORMATS)('leaves no full name in %s with names=initials', async (format) => {
    const download_ = await download(`format=${format}&names=initials`)
    expect(download_.status).toBe(200)
    const text = readable(format, download_.text)
    for (const name of NAMES) expect(text, name).not.toContain(name)
    for (const word of ['Fatima', 'Amrani', 'Bram', 'Vries']) expect(text, word).not.toContain(word)
    expect(text).toContain('F.e.A.')
    expect(text).toContain('B.d.V. regelt de sleutel')
  })

  it.each(OTHER_FORMATS)('leaves the personal data and the names out of %s as well', async (format) => {
    const plain = await otherText(format, (await download(`format=${format}&redact=false`)).body)
    // The checks below can fail: without redact and names the number and the name are there.
    for (const there of ['12345678', 'Fatima']) expect(plain, there).toContain(there)
    const redacted = await download(`format=${format}&redact=true&names=numbered`)
    expect(redacted.status).toBe(200)
    expect(redacted.filename).toContain('-zonder-privegegevens-')
    const text = await otherText(format, redacted.body)
    for (const gone of ['12345678', 'example.nl', '0417', 'Fatima', 'Amrani', 'Bram', 'Vries']) {
      expect(text, gone).not.toContain(gone)
    }
    expect(text).toContain('Deelnemer')
  })

  it('numbers participants in the preview too, and refuses an unknown names option', async () => {
    const preview = await fetch(
      `${server.url}/api/boards/${board.id}/report/preview?redact=true&names=numbered`,
      {
        headers: { authorization: `Bearer ${facilitator}` },
      },
    )
    expect(preview.status).toBe(200)
    const { model } = (await preview.json()) as { model: { participants: { names: string[] } } }
    expect(model.participants.names).toEqual(['Deelnemer 1', 'Deelnemer 2'])
    const refused = await download('format=md&names=everyone')
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('names must be one of keep, initials, numbered')
  })
})
