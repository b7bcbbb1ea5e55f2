import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCluster, setNoteCluster } from '../../shared/src/model/clusters'
import { createNote } from '../../shared/src/model/notes'
import { createShape } from '../../shared/src/model/shapes'
import { listZones, updateZone } from '../../shared/src/model/zones'
import {
  chooseView,
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  readJoinCode,
} from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { openNewNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { api, tokenFor } from '../helpers/testServer'
import { connectClient, type YClient } from '../helpers/yclient'

/**
 * Issue 9: other people's text never runs. Script-like text goes into note texts (typed on the
 * canvas, typed in the list view, and written by a plain y-websocket script), the board title, a
 * zone title (the facilitator's edit dialog), a zone question, a cluster, a text label and people's
 * names. In Chromium nothing of it executes (window.__xss stays undefined, no alert, no injected
 * element with an event handler, no CSP violation) on the canvas, in the list view, in the export
 * dialog and in the downloaded HTML and SVG reports (with and without their own CSP), and every
 * text is shown literally. The page talks to its own origin only, and every HTML page has the CSP.
 * Screenshots: test-artifacts/security-*.png.
 */

const P = {
  img: '<img src=x onerror="window.__xss=1;alert(1)">',
  script: '<script>window.__xss=1;alert(2)</script>',
  svg: '"><svg onload=window.__xss=1>',
  iframe: '<iframe src="javascript:parent.__xss=1"></iframe>',
  link: '<a href="javascript:window.__xss=1" id=xss>klik</a>',
  // Angular/Vue-style and template-literal-style expressions: text, not code.
  template: "{{constructor.constructor('window.__xss=1')()}} $" + '{window.__xss=1}',
  style: '<style>*{background:url(https://evil.example/x.png)}</style>',
  markdown: '[klik](javascript:window.__xss=1) ![x](https://evil.example/p.png)',
  attr: "' onmouseover='window.__xss=1' x='",
}
const TITLE = '<script>window.__xss=1</script> Buurtavond'
const FACILITATOR = '<img src=x onerror=alert(3)>'
const PARTICIPANT = '"><svg onload=window.__xss=1>'
const SCRIPT_NAME = '<b onmouseover=alert(4)>Script</b>'
const ZONE_TITLE = '<img src=x onerror=window.__xss=1>Vraag'
const ZONE_PROMPT = '<script>alert(5)</script>Wat werkt?'
const CLUSTER = '<svg/onload=alert(6)>Groep'
const LABEL = '<iframe srcdoc="<script>parent.__xss=1</script>">'
const SYNC = { timeout: 8000 }
const CLEAN = { xss: null, violations: [], handlers: 0, inlineScripts: 0, frames: 0, dialogs: [] }

interface Guard {
  dialogs: string[]
  errors: string[]
}

/** Records dialogs (alert/confirm), page errors and CSP violations from the first script on. */
async function guard(page: Page): Promise<Guard> {
  const seen: Guard = { dialogs: [], errors: [] }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => seen.errors.push(error.message))
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
  return seen
}

async function expectNothingRan(page: Page, seen: Guard, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],#xss').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    frames: document.querySelectorAll('iframe').length,
  }))
  expect({ where, ...state, dialogs: seen.dialogs }).toEqual({ where, ...CLEAN })
}

function participantIdOf(token: string): string {
  const payload = token.split('.')[1] ?? ''
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { participantId: string })
    .participantId
}

/** Opens a downloaded report as a page in a fresh context and checks that nothing in it runs. */
async function openReport(browser: Browser, html: string, name: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
  const page = await context.newPage()
  const seen = await guard(page)
  await page.setContent(html, { waitUntil: 'load' })
  await page.waitForTimeout(200)
  await expectNothingRan(page, seen, name)
  await page.screenshot({ path: artifactPath(`security-${name}.png`), fullPage: true })
  const text = (await page.locator('body').textContent()) ?? ''
  await context.close()
  return text
}

describe.skipIf(!chromiumAvailable())('web security in the browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext
  const clients: YClient[] = []
  const requests: string[] = []

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('security'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    participantContext = await browser.newContext({ viewport: { width: 1100, height: 800 } })
    for (const context of [facilitatorContext, participantContext]) {
      context.on('request', (request) => requests.push(request.url()))
    }
  }, 180_000)

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  it('shows hostile text literally and runs none of it, and asks no other origin for anything', async () => {
    const page = await facilitatorContext.newPage()
    const seen = await guard(page)
    page.on('websocket', (socket) => requests.push(socket.url()))
    const boardId = await createBoardInBrowser(page, server.url, {
      title: TITLE,
      name: FACILITATOR,
      templateId: 'los-model',
    })
    expect(await page.getByTestId('board-title').textContent()).toBe(TITLE)
    expect(await page.title()).toContain(TITLE)

    // The facilitator renames a zone in the edit dialog and writes a note on the canvas.
    const zoneButton = page.getByTestId('zone-edit-open').first()
    const zoneId = (await zoneButton.getAttribute('data-zone-id')) ?? ''
    await zoneButton.click()
    await page.getByTestId('zone-edit-title').fill(ZONE_TITLE)
    await page.getByTestId('zone-edit-save').click()
    await openNewNote(page)
    await page.keyboard.type(P.img)
    await page.keyboard.press('Escape')

    // A participant with a hostile name writes a note in the list view.
    const participant = await participantContext.newPage()
    const participantSeen = await guard(participant)
    await joinInBrowser(participant, server.url, await readJoinCode(page), PARTICIPANT)
    await chooseView(participant, 'outline')
    await participant.getByTestId('outline-add').first().click()
    await participant.getByTestId('outline-add-text').fill(P.svg)
    await participant.keyboard.press('Control+Enter')

    // A plain y-websocket script writes the rest, and announces a hostile name in awareness.
    const facilitatorKey = await page.evaluate(
      (id) => JSON.parse(localStorage.getItem('oogst.boards') ?? '{}')[id]?.facilitatorKey as string,
      boardId,
    )
    const board = {
      id: boardId,
      facilitatorKey,
      joinCode: '',
      facilitatorUrl: '',
      participantUrl: '',
      viewerUrl: '',
    }
    const token = await tokenFor(server.url, board, 'facilitator', SCRIPT_NAME)
    const script = connectClient(`${server.url.replace(/^http/, 'ws')}/sync`, boardId, token)
    clients.push(script)
    await script.synced
    script.provider.awareness.setLocalStateField('user', {
      name: SCRIPT_NAME,
      color: 'url(https://evil.example/c.png)',
      participantId: participantIdOf(token),
      role: 'participant',
    })
    const zones = listZones(script.doc).sort((a, b) => a.order - b.order)
    const second = zones[1] ?? zones[0]
    if (!second) throw new Error('no zones')
    updateZone(script.doc, second.id, { prompt: ZONE_PROMPT })
    const clusterId = createCluster(script.doc, { name: CLUSTER, zoneId: second.id })
    const scripted = [P.script, P.iframe, P.link, P.template, P.style, P.markdown, P.attr]
    scripted.forEach((text, i) => {
      const id = createNote(script.doc, {
        text,
        x: second.x + 20 + (i % 3) * 190,
        y: second.y + 90 + Math.floor(i / 3) * 190,
        zoneId: second.id,
        authorId: participantIdOf(token),
        authorName: SCRIPT_NAME,
      })
      if (i < 2) setNoteCluster(script.doc, id, clusterId)
    })
    createShape(script.doc, { kind: 'text', x: second.x, y: second.y - 80, text: LABEL, authorId: 'script' })
    const allNotes = [P.img, P.svg, ...scripted]

    // The canvas (its screen-reader mirror holds the same texts).
    await expect.poll(() => noteTexts(page), SYNC).toEqual(expect.arrayContaining(allNotes))
    await page.waitForTimeout(300)
    await page.screenshot({ path: artifactPath('security-canvas.png') })
    await expectNothingRan(page, seen, 'canvas')

    // The participants panel: names as written.
    await page.getByTestId('participants-open').click()
    await expect
      .poll(
        () => page.getByTestId('participant').evaluateAll((items) => items.map((i) => i.textContent ?? '')),
        SYNC,
      )
      .toEqual(
        expect.arrayContaining([expect.stringContaining(PARTICIPANT), expect.stringContaining(SCRIPT_NAME)]),
      )
    await page.screenshot({ path: artifactPath('security-people.png') })
    await page.keyboard.press('Escape')
    await expectNothingRan(page, seen, 'participants panel')

    // The list view: every text literally.
    await chooseView(page, 'outline')
    await expect
      .poll(() => page.getByTestId('outline-note-text').allTextContents(), SYNC)
      .toEqual(expect.arrayContaining(allNotes))
    const headings = await page.getByTestId('outline').getByRole('heading', { level: 2 }).allTextContents()
    expect(headings).toContain(ZONE_TITLE)
    expect(await page.getByTestId('outline').textContent()).toContain(ZONE_PROMPT)
    await page.screenshot({ path: artifactPath('security-outline.png'), fullPage: true })
    await expectNothingRan(page, seen, 'list view')
    await expectNothingRan(participant, participantSeen, 'participant list view')

    // The export dialog's preview, then the HTML and SVG reports.
    await page.getByTestId('export-open').click()
    const preview = page.getByTestId('report-preview')
    await expect
      .poll(() => preview.getByTestId('report-note-text').allTextContents(), SYNC)
      .toEqual(expect.arrayContaining(allNotes))
    expect(await preview.textContent()).toContain(TITLE)
    await page.screenshot({ path: artifactPath('security-export.png') })
    await expectNothingRan(page, seen, 'export dialog')
    const files: Record<string, string> = {}
    for (const format of ['html', 'svg']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-download-${format}`).click(),
      ])
      const file = artifactPath(`security-report.${format}`)
      await download.saveAs(file)
      files[format] = fs.readFileSync(file, 'utf8')
    }
    await expectNothingRan(page, seen, 'after downloads')
    const html = files.html ?? ''
    const reportText = await openReport(browser, html, 'report-html')
    for (const text of [TITLE, ZONE_TITLE, CLUSTER, ...allNotes]) expect(reportText).toContain(text)
    // Escaping, not only the CSP, keeps it inert: without its CSP it still runs nothing.
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
    expect(withoutCsp).not.toBe(html)
    const bareText = await openReport(browser, withoutCsp, 'report-html-no-csp')
    for (const text of allNotes) expect(bareText).toContain(text)
    await openReport(browser, `<!doctype html><title>svg</title>${files.svg ?? ''}`, 'report-svg')

    // No request went anywhere but this server (WebSockets included).
    const origin = new URL(server.url)
    const foreign = requests.filter((url) => {
      const parsed = new URL(url)
      if (parsed.protocol === 'data:') return false
      if (parsed.protocol === 'blob:') return !url.startsWith(`blob:${origin.origin}/`)
      return parsed.host !== origin.host || !['http:', 'ws:'].includes(parsed.protocol)
    })
    expect(requests.length).toBeGreaterThan(10)
    expect(requests.some((url) => url.startsWith('ws:'))).toBe(true)
    expect(foreign).toEqual([])
    expect([...seen.errors, ...participantSeen.errors]).toEqual([])
    // The zone really was renamed through the dialog (not only shown so).
    expect(listZones(script.doc).find((zone) => zone.id === zoneId)?.title).toBe(ZONE_TITLE)
  }, 150_000)

  it('sends a strict Content-Security-Policy with every page and report', async () => {
    for (const route of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/j/ACD-EFG']) {
      const response = await fetch(`${server.url}${route}`)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      const csp = response.headers.get('content-security-policy') ?? ''
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/)
          return [name, values.join(' ')] as const
        }),
      )
      expect(directives.get('default-src')).toBe("'self'")
      expect(directives.get('script-src')).toBe("'self'")
      expect(directives.get('object-src')).toBe("'none'")
      expect(directives.get('frame-ancestors')).toBe("'none'")
      expect(directives.get('connect-src')).toBe("'self'")
      expect(csp).not.toMatch(/unsafe-eval|https?:|\*/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const created = await api<{ id: string; facilitatorKey: string }>(server.url, 'POST', '/api/boards', {
      title: TITLE,
    })
    for (const format of ['html', 'svg']) {
      const response = await fetch(`${server.url}/api/boards/${created.body.id}/report?format=${format}`, {
        headers: { authorization: `Bearer ${created.body.facilitatorKey}` },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain('sandbox')
    }
  })
})
