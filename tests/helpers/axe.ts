import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeResult {
  violations: Array<{
    id: string
    impact: string | null
    help: string
    nodes: Array<{ target: unknown[]; failureSummary?: string }>
  }>
}

/**
 * Runs axe-core in the page (its source injected as a script tag) and returns the serious and
 * critical violations as readable lines: `rule (impact): help — selector`.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  )) as AxeResult
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(node.target)}`,
      ),
    )
}

/**
 * Violations of only the given rules (e.g. `['target-size']`), as readable lines. Used where one
 * rule is the point of the test and other findings are covered elsewhere.
 */
export async function axeRuleViolations(page: Page, rules: string[]): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const result = (await page.evaluate(
    (values) =>
      (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
      ).axe.run(document, { runOnly: { type: 'rule', values }, resultTypes: ['violations'] }),
    rules,
  )) as AxeResult
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.failureSummary ?? violation.help} — ${JSON.stringify(node.target)}`,
    ),
  )
}
