import { renderReport } from '../server/src/report/reportService'
import { buildReport } from '../shared/src/report/buildReport'
import { buildLargeBoard } from '../shared/src/report/sampleBoard'
import type { ReportFormat } from '../shared/src/report/types'

/**
 * Harvest report speed on a 2,000-note board: `node --import tsx bench/harvestReport.ts [notes]`.
 * Budgets (from issue 6): Markdown, HTML and CSV within 100 ms, DOCX and PDF within 1 s, each
 * including everything the download does (the PDF and DOCX include rasterising the board picture).
 * Prints the median of several runs after one warm-up run, and exits 1 when a budget is missed.
 *
 * (Named harvestReport.ts because bench/report.ts is the sync benchmark's results writer.)
 */

const NOTES = Number(process.argv[2] ?? 2000)
const BUDGET_MS: Partial<Record<ReportFormat | 'model', number>> = {
  md: 100,
  html: 100,
  csv: 100,
  docx: 1000,
  pdf: 1000,
}
const RUNS: Record<ReportFormat, number> = {
  md: 9,
  html: 9,
  csv: 9,
  json: 9,
  svg: 9,
  png: 3,
  docx: 5,
  pdf: 5,
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function time(fn: () => unknown, runs: number): Promise<number> {
  await fn() // warm-up: JIT, fonts, zlib
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

const board = buildLargeBoard(NOTES)
const rows: { what: string; ms: number; size: string; budget: number | undefined }[] = []
const model = buildReport(board.content, board.control)
rows.push({
  what: 'model (buildReport)',
  ms: await time(() => buildReport(board.content, board.control), 9),
  size: `${model.notes.length} notes`,
  budget: undefined,
})
for (const format of ['md', 'html', 'csv', 'json', 'svg', 'png', 'docx', 'pdf'] as const) {
  const size = (await renderReport(model, format)).body.length
  rows.push({
    what: format,
    ms: await time(() => renderReport(model, format), RUNS[format]),
    size: `${(size / 1024).toFixed(0)} KiB`,
    budget: BUDGET_MS[format],
  })
}

console.log(`Harvest report, ${NOTES} notes, Node ${process.version}, median of warm runs\n`)
console.log('| what | ms | size | budget |')
console.log('| --- | ---: | ---: | --- |')
let missed = 0
for (const row of rows) {
  const ok = row.budget === undefined || row.ms <= row.budget
  if (!ok) missed++
  const budget = row.budget === undefined ? '' : `≤ ${row.budget} ms ${ok ? 'ok' : 'MISSED'}`
  console.log(`| ${row.what} | ${row.ms.toFixed(1)} | ${row.size} | ${budget} |`)
}
process.exitCode = missed > 0 ? 1 : 0
