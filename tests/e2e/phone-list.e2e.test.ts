import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getNoteReactions, listNotes } from '../../shared/src/model'
import { axeRuleViolations } from '../helpers/axe'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { heard } from '../helpers/keyboardPages'
import { contentShare, sidewaysOverflow, smallTargets } from '../helpers/phoneMeasure'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { phoneParticipant, volumeSession } from '../helpers/volumeSession'
import { waitFor } from '../helpers/yclient'

/**
 * Residents on phones take part in the list view at a real session's volume (60 notes, three
 * questions): portrait 390x844 and 360x640, landscape 640x360 and 844x390, and 320x256 (a laptop at
 * 400 %).
 * They start in the list, the list keeps most of the screen during a round, nothing scrolls
 * sideways, every target is at least 24 px, and they write privately, vote, take a dot back and
 * react — all by tapping in the list.
 */

const VIEWPORTS = {
  portrait390: { width: 390, height: 844 },
  portrait360: { width: 360, height: 640 },
  landscape: { width: 640, height: 360 },
  landscape844: { width: 844, height: 390 },
  zoom400: { width: 320, height: 256 },
} as const
type PhoneName = keyof typeof VIEWPORTS

/** The least share of the screen the list must keep during a round, per viewport. */
const MIN_SHARE: Record<PhoneName, number> = {
  portrait390: 60,
  portrait360: 60,
  landscape: 60,
  landscape844: 60,
  zoom400: 50,
}

describe.skipIf(!chromiumAvailable())('a resident on a phone takes part in the list view', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('phone'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('writes privately, votes and reacts on four phone screens with 60 notes', async () => {
    const session = await volumeSession(server.url)
    const { questions } = session
    const phones = {} as Record<PhoneName, Page>
    for (const [name, viewport] of Object.entries(VIEWPORTS) as [
      PhoneName,
      (typeof VIEWPORTS)[PhoneName],
    ][]) {
      phones[name] = await phoneParticipant(browser, server.url, session.board.joinCode, name, viewport)
    }
    const shots = (state: string) =>
      Promise.all(
        Object.entries(phones).map(([name, page]) =>
          page.screenshot({ path: artifactPath(`phone-list-${name}-${state}.png`) }),
        ),
      )
    // Phones start in the list, not on the canvas.
    for (const page of Object.values(phones)) {
      await page.getByTestId('outline').waitFor()
      expect(await page.getByTestId('view-toggle').getAttribute('aria-pressed')).toBe('true')
    }

    // A private writing round on the three questions.
    await session.startRound(1, { privateWriting: true, zoneIds: questions.map((zone) => zone.id) })
    for (const page of Object.values(phones)) await page.getByTestId('round-title').waitFor(SYNC)
    await shots('private')
    const shares: Record<string, number> = {}
    for (const [name, page] of Object.entries(phones) as [PhoneName, Page][]) {
      shares[name] = await contentShare(page)
      expect(shares[name], `${name}: share of the screen for the list`).toBeGreaterThanOrEqual(
        MIN_SHARE[name],
      )
      expect(await sidewaysOverflow(page), `${name}: sideways scrolling`).toBeLessThanOrEqual(0)
      expect(await smallTargets(page), `${name}: targets under 24 px`).toEqual([])
      // The round's three questions are the cards; the rest of the board waits behind one button.
      expect(await page.getByTestId('outline-zone').count()).toBe(3)
    }
    fs.writeFileSync(artifactPath('phone-list-shares.json'), JSON.stringify(shares, null, 2))

    // Anouk (390x844) writes a private note for question 2: a field right in the card.
    const anouk = phones.portrait390
    const card = (page: Page, index: number) => page.getByTestId('outline-zone').nth(index)
    await card(anouk, 1).getByTestId('outline-add').tap()
    await expect
      .poll(() => anouk.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('outline-draft-text')
    await anouk.keyboard.type('Eerst luisteren, dan pas plannen')
    expect(await card(anouk, 1).getByTestId('outline-draft').count()).toBe(1)
    // Saved as she types; "Klaar" takes her back to the card's button for the next one.
    await card(anouk, 1).getByTestId('outline-draft-done').tap()
    await expect
      .poll(() => anouk.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('outline-add')
    // The smallest screen writes too: the card's button is reachable by scrolling.
    const small = phones.zoom400
    await card(small, 0).getByTestId('outline-add').scrollIntoViewIfNeeded()
    await card(small, 0).getByTestId('outline-add').tap()
    await small.keyboard.type('Klein scherm, ook mee')
    await shots('draft')
    await waitFor(() => true, 600)
    const revealed = await session.call('POST', '/reveal', {})
    expect(revealed.status).toBe(200)
    const inQuestion = (zoneId: string, text: string) =>
      listNotes(session.content.doc).some((note) => note.zoneId === zoneId && note.text === text)
    await waitFor(
      () => inQuestion(questions[1]?.id ?? '', 'Eerst luisteren, dan pas plannen'),
      8000,
      'reveal',
    )
    await waitFor(() => inQuestion(questions[0]?.id ?? '', 'Klein scherm, ook mee'), 8000, 'reveal small')
    await expect
      .poll(() => card(anouk, 1).getByTestId('outline-note-text').allTextContents(), SYNC)
      .toContain('Eerst luisteren, dan pas plannen')

    // Voting over the whole board in the last round, whose own question ("Afspraken") is still
    // empty: the cards with notes to vote on come first, no need to look behind "Toon de andere
    // vragen". 5 dots each, at most 2 per note.
    await session.startRound(2)
    await session.openVoting()
    await anouk.getByTestId('votes-left').waitFor(SYNC)
    await shots('voting')
    for (const [name, page] of Object.entries(phones)) {
      expect(await smallTargets(page), `${name}: targets under 24 px while voting`).toEqual([])
      expect(await axeRuleViolations(page, ['target-size']), `${name}: axe target-size`).toEqual([])
    }
    expect(await anouk.getByTestId('outline-dot-add').count()).toBeGreaterThanOrEqual(60)
    const first = anouk.locator('[data-testid=outline-note]:has([data-testid=outline-dot-add])').first()
    const firstId = (await first.getAttribute('data-note-id')) ?? ''
    await first.getByTestId('outline-dot-add').tap()
    await expect.poll(() => first.getByTestId('outline-my-dots').textContent(), SYNC).toContain('1 stip')
    await expect.poll(() => anouk.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 4')
    await expect.poll(() => heard(anouk), SYNC).toContain('Stip gegeven')
    await first.getByTestId('outline-dot-remove').tap()
    await expect.poll(() => anouk.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 5')
    await expect.poll(() => heard(anouk), SYNC).toContain('Stip teruggenomen')
    await first.getByTestId('outline-dot-add').tap()
    await first.getByTestId('outline-dot-add').tap()
    // A third dot on one note: the button says it is not available (aria-disabled) but still
    // answers a tap, with the reason (at most 2 per note).
    await expect
      .poll(() => first.getByTestId('outline-dot-add').getAttribute('aria-disabled'), SYNC)
      .toBe('true')
    await first.getByTestId('outline-dot-add').tap({ force: true })
    await expect.poll(() => anouk.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 3')
    await expect
      .poll(() => anouk.getByTestId('session-message').textContent(), SYNC)
      .toContain('niet meer dan 2 stippen')

    // Reactions: never open by themselves; "Reageren" opens the choice, one tap gives one.
    expect(await anouk.getByTestId('outline-reaction-choice').count()).toBe(0)
    await first.getByTestId('outline-react').tap()
    expect(await first.getByTestId('outline-reaction-choice').count()).toBe(5)
    await first.getByTestId('outline-reaction-choice').nth(2).tap()
    expect(await first.getByTestId('outline-reaction-choice').count()).toBe(0)
    await waitFor(
      () => getNoteReactions(session.content.doc, firstId).some((tally) => tally.emoji === '💡'),
      8000,
      'reaction',
    )
    await expect.poll(() => first.getByTestId('outline-reaction').count(), SYNC).toBe(1)
    // Colour of her own note (the revealed one), as on the canvas: behind "Wijzigen", one tap on a
    // swatch. Others' notes offer only "Verplaatsen" there.
    const mine = anouk.locator('[data-testid=outline-note]', { hasText: 'Eerst luisteren, dan pas plannen' })
    const mineId = (await mine.getAttribute('data-note-id')) ?? ''
    await mine.getByTestId('outline-change').tap()
    await mine.locator('[data-testid=outline-color][value=blue]').tap()
    await waitFor(
      () => listNotes(session.content.doc).find((note) => note.id === mineId)?.color === 'blue',
      8000,
      'colour',
    )
    await first.getByTestId('outline-change').tap()
    expect(await first.getByTestId('outline-edit').count()).toBe(0)
    expect(await first.getByTestId('outline-move').count()).toBe(1)
    await expect.poll(() => heard(anouk), SYNC).toContain('Blauw')
    expect(await smallTargets(anouk), 'targets under 24 px with Wijzigen open').toEqual([])
    await anouk.screenshot({ path: artifactPath('phone-list-portrait390-voted.png') })
    session.close()
  }, 180_000)
})
