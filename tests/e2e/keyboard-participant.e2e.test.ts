import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotes, listZones } from '../../shared/src/model'
import { waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { activeTestId, heard } from '../helpers/keyboardPages'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { volumeSession } from '../helpers/volumeSession'
import { waitFor } from '../helpers/yclient'

/**
 * A participant who uses only the keyboard (and a screen reader: every step is checked in the
 * live region): joins by code, switches to the list, adds a note to question 2, edits it, moves it
 * to question 3, gives a dot, takes it back, reacts, and undoes — on a board with 60 notes.
 */

/** The focused element's test id and the question card it is in (-1: outside every card). */
function focusPlace(page: Page): Promise<{ id: string; card: number }> {
  return page.evaluate(() => {
    const active = document.activeElement
    const cards = [...document.querySelectorAll('[data-testid=outline-zone]')]
    const card = active ? cards.findIndex((candidate) => candidate.contains(active)) : -1
    return { id: active?.getAttribute('data-testid') ?? active?.tagName ?? 'BODY', card }
  })
}

/** Tab until `testId` has focus inside card `card` (and, optionally, inside the note `noteText`). */
async function tabInto(page: Page, testId: string, card: number, noteText?: string): Promise<void> {
  const seen: string[] = []
  for (let step = 0; step < 400; step++) {
    const place = await focusPlace(page)
    if (place.id === testId && place.card === card) {
      const inNote =
        !noteText ||
        (await page.evaluate(
          (text) =>
            document.activeElement?.closest('[data-testid=outline-note]')?.textContent?.includes(text),
          noteText,
        ))
      if (inNote) return
    }
    await page.keyboard.press('Tab')
    seen.push(`${place.id}@${place.card}`)
  }
  throw new Error(`Tab never reached ${testId} in card ${card}: ${seen.slice(-30).join(' → ')}`)
}

describe.skipIf(!chromiumAvailable())('a keyboard-only participant takes part fully', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('keyboard'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('joins, adds, edits, moves, votes, takes back, reacts and undoes, each said aloud', async () => {
    const session = await volumeSession(server.url)
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    const zones = listZones(session.content.doc)
    const [question2, question3] = [session.questions[1], session.questions[2]]
    if (!question2 || !question3) throw new Error('questions missing')
    const cardOf = (zoneId: string) => zones.findIndex((zone) => zone.id === zoneId)

    // Join: the code is in the link; Tab to the name, type, Enter.
    await page.goto(`${server.url}/j/${session.board.joinCode}`)
    await page.getByTestId('join-name').waitFor()
    while ((await activeTestId(page)) !== 'join-name') await page.keyboard.press('Tab')
    await page.keyboard.type('Yusuf')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/b\//)
    await waitConnected(page)

    // The first Tab stop is the list toggle; Enter switches to the list.
    await page.keyboard.press('Tab')
    expect(await activeTestId(page)).toBe('view-toggle')
    await page.keyboard.press('Enter')
    await page.getByTestId('outline').waitFor()

    // Add a note to question 2: its "Schrijf een briefje", type, Ctrl+Enter.
    const text = 'Samen koffie drinken voor het gesprek'
    await tabInto(page, 'outline-add', cardOf(question2.id))
    await page.keyboard.press('Enter')
    expect(await activeTestId(page)).toBe('outline-add-text')
    await page.keyboard.type(text)
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => heard(page), SYNC).toContain('Briefje toegevoegd')
    expect(await activeTestId(page)).toBe('outline-note')
    const stored = () => listNotes(session.content.doc).find((note) => note.text.startsWith(text))
    await waitFor(() => stored()?.zoneId === question2.id, 8000, 'note in question 2')

    // Edit: "Wijzigen", "Aanpassen", add words, Ctrl+Enter.
    await tabInto(page, 'outline-change', cardOf(question2.id), text)
    await page.keyboard.press('Enter')
    await tabInto(page, 'outline-edit', cardOf(question2.id), text)
    await page.keyboard.press('Enter')
    await page.keyboard.type(' en daarna')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => heard(page), SYNC).toContain('Briefje opgeslagen')
    await waitFor(() => stored()?.text === `${text} en daarna`, 8000, 'edited text')

    // Move to question 3: "Wijzigen", "Verplaatsen", choose with the arrow keys, confirm.
    await tabInto(page, 'outline-change', cardOf(question2.id), text)
    await page.keyboard.press('Enter')
    await tabInto(page, 'outline-move', cardOf(question2.id), text)
    await page.keyboard.press('Enter')
    expect(await activeTestId(page)).toBe('outline-move-select')
    const chosen = () =>
      page
        .getByTestId('outline-move-select')
        .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text ?? '')
    for (let i = 0; i < 10 && (await chosen()) !== question3.title; i++)
      await page.keyboard.press('ArrowDown')
    expect(await chosen()).toBe(question3.title)
    while ((await activeTestId(page)) !== 'outline-move-submit') await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => heard(page), SYNC).toContain('verplaatst')
    await waitFor(() => stored()?.zoneId === question3.id, 8000, 'note in question 3')

    // Voting opens: give a dot, take it back.
    await session.openVoting({ perPerson: 3 })
    await page.getByTestId('votes-left').waitFor(SYNC)
    await tabInto(page, 'outline-dot-add', cardOf(question3.id), text)
    await page.keyboard.press('Enter')
    await expect.poll(() => heard(page), SYNC).toContain('Stip gegeven')
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 2')
    await tabInto(page, 'outline-dot-remove', cardOf(question3.id), text)
    await page.keyboard.press('Enter')
    await expect.poll(() => heard(page), SYNC).toContain('Stip teruggenomen')
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 3')

    // React: "Reageren" opens the choice; Tab to the first emoji, Enter.
    await tabInto(page, 'outline-react', cardOf(question3.id), text)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await activeTestId(page)).toBe('outline-reaction-choice')
    await page.keyboard.press('Enter')
    await expect.poll(() => heard(page), SYNC).toContain('Je reageerde met')
    expect(await activeTestId(page)).toBe('outline-react')

    // Undo (Ctrl+Z): the last step of this person's history was taking the dot back, so undo gives
    // it again — the note stays, the reaction stays.
    await page.keyboard.press('Control+z')
    await expect.poll(() => heard(page), SYNC).toContain('Ongedaan gemaakt')
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).toContain('Nog 2')
    expect(stored()?.zoneId).toBe(question3.id)
    expect(await activeTestId(page)).not.toBe('BODY')
    await page.screenshot({ path: artifactPath('keyboard-participant.png') })
    session.close()
  }, 150_000)
})
