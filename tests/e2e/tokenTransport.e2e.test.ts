import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, joinInBrowser, readJoinCode } from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * Issue 16, F12, in the browser: the app opens its sockets (content and control rooms) without a
 * token in the address, so a proxy's access log never holds one; the token goes in the
 * `Sec-WebSocket-Protocol` header (read here through the DevTools protocol) and the connection works.
 */
describe.skipIf(!chromiumAvailable())('the app keeps tokens out of socket addresses', () => {
  let server: ServerProcess
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('token'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  /** Every socket handshake of the page: its address and the protocols it offered. */
  async function recordHandshakes(page: Page): Promise<{ url: string; protocols: string }[]> {
    const handshakes: { url: string; protocols: string }[] = []
    const devtools = await page.context().newCDPSession(page)
    await devtools.send('Network.enable')
    const urls = new Map<string, string>()
    devtools.on('Network.webSocketCreated', ({ requestId, url }) => urls.set(requestId, url))
    devtools.on('Network.webSocketWillSendHandshakeRequest', ({ requestId, request }) => {
      const headers = Object.entries(request.headers as Record<string, string>)
      const protocols = headers.find(([name]) => name.toLowerCase() === 'sec-websocket-protocol')?.[1] ?? ''
      handshakes.push({ url: urls.get(requestId) ?? '', protocols })
    })
    return handshakes
  }

  it('connects the facilitator and a participant with the token in the header only', async () => {
    const facilitator = await (await browser.newContext()).newPage()
    const facilitatorSockets = await recordHandshakes(facilitator)
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Tokens',
      name: 'Fenna',
      templateId: 'los-model',
    })
    const participant = await (await browser.newContext()).newPage()
    const participantSockets = await recordHandshakes(participant)
    await joinInBrowser(participant, server.url, await readJoinCode(facilitator), 'Anna')

    for (const sockets of [facilitatorSockets, participantSockets]) {
      // Both the content room and the control room, every one without a token in its address.
      expect(new Set(sockets.map(({ url }) => new URL(url).pathname.split('/').length)).size).toBe(2)
      for (const { url, protocols } of sockets) {
        expect(url).not.toMatch(/token/i)
        expect(protocols).toMatch(/^oogst, oogst\.token\.v1\./)
      }
    }
  })
})
