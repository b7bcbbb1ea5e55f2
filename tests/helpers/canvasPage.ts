import type { Page } from 'playwright-core'

/**
 * Reading and pointing at the Konva canvas in e2e tests. Konva registers itself as `window.Konva`
 * with its stages; nodes carry the note or shape id, and the screen-reader mirror maps note texts
 * to ids.
 */

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The id of the note with this text, from the note list mirror. */
export async function noteId(page: Page, text: string): Promise<string> {
  const item = page.getByTestId('note-item').filter({ hasText: text }).first()
  const id = await item.getAttribute('data-note-id')
  if (!id) throw new Error(`no note "${text}"`)
  return id
}

/** A node's box in page coordinates (for clicking and dragging), or null when not drawn. */
export function screenBox(page: Page, id: string): Promise<Box | null> {
  return page.evaluate((nodeId) => {
    const konva = (window as unknown as { Konva: { stages: KonvaStage[] } }).Konva
    const stage = konva.stages[0]
    const node = stage?.findOne((n: { id(): string }) => n.id() === nodeId)
    if (!stage || !node) return null
    const rect = node.getClientRect({ skipShadow: true, skipStroke: true })
    const container = stage.container().getBoundingClientRect()
    return { x: rect.x + container.left, y: rect.y + container.top, width: rect.width, height: rect.height }
  }, id)
}

/** A node's position in board coordinates, as stored in the document. */
export function boardPosition(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((nodeId) => {
    const konva = (window as unknown as { Konva: { stages: KonvaStage[] } }).Konva
    const node = konva.stages[0]?.findOne((n: { id(): string }) => n.id() === nodeId)
    return node ? { x: Math.round(node.x()), y: Math.round(node.y()) } : null
  }, id)
}

/** Texts drawn on the canvas (e.g. "Ahmed is aan het typen"). */
export function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: KonvaStage[] } }).Konva
    return (konva.stages[0]?.find('Text') ?? []).map((node) => (node as unknown as { text(): string }).text())
  })
}

/** Points of every arrow on the canvas, by id. */
export function arrows(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: KonvaStage[] } }).Konva
    const result: Record<string, number[]> = {}
    for (const node of konva.stages[0]?.find('Arrow') ?? []) {
      const arrow = node as unknown as { id(): string; points(): number[] }
      result[arrow.id()] = arrow.points().map(Math.round)
    }
    return result
  })
}

/** Drags with the mouse in small steps, as a person would (Konva needs the moves). */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: { shift?: boolean } = {},
): Promise<void> {
  if (options.shift) await page.keyboard.down('Shift')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.mouse.up()
  if (options.shift) await page.keyboard.up('Shift')
}

export const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 })

interface KonvaNode {
  id(): string
  x(): number
  y(): number
  getClientRect(options: object): Box
}

interface KonvaStage {
  findOne(selector: (node: { id(): string }) => boolean): KonvaNode | undefined
  find(selector: string): unknown[]
  container(): HTMLElement
}

/**
 * "+ Briefje": opens a new note for typing. When the board asks which question the note is for
 * (several questions in view), the question at `question` in the picker is chosen (an index, or
 * part of its title; default the first). Returns with the note's editor open.
 */
export async function openNewNote(page: Page, question: number | string = 0): Promise<void> {
  await page.getByTestId('add-note').click()
  const editor = page.getByTestId('note-editor')
  const picker = page.getByTestId('zone-picker-choice')
  await Promise.race([editor.waitFor(), picker.first().waitFor()])
  if (!(await editor.isVisible()))
    await (typeof question === 'number' ? picker.nth(question) : picker.filter({ hasText: question })).click()
  await editor.waitFor()
}

/** Adds a note by "+ Briefje" with `text`, and closes its editor. */
export async function addNote(page: Page, text: string, question: number | string = 0): Promise<void> {
  await openNewNote(page, question)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.getByTestId('note-editor').waitFor({ state: 'detached' })
}
