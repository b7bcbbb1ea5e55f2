import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { type CpuProfile, type ProfileSummary, summarizeCpuProfile } from '../profile'
import { ROOT } from '../targets'

/**
 * CPU profile of the page's main thread (Chrome DevTools Protocol Profiler) around `run`, saved
 * as bench/profiles/client-<name>.cpuprofile and summarised. Used with an unminified build
 * (`npm run bench:client -- --profile`) so function names are the source's.
 */
export async function profilePage(
  page: Page,
  name: string,
  run: () => Promise<void>,
): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach()
  const dir = path.join(ROOT, 'bench/profiles')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `client-${name}.cpuprofile`)
  fs.writeFileSync(file, JSON.stringify(profile))
  return summarizeCpuProfile(profile, path.relative(ROOT, file))
}

export function renderProfiles(summaries: ProfileSummary[]): string {
  const lines = ['# Oogst browser CPU profile (unminified build)', '']
  for (const s of summaries) {
    lines.push(`## ${s.file} (${(s.durationMs / 1000).toFixed(1)} s, main thread busy ${s.busyPct}%)`, '')
    lines.push('| top inclusive | where | total % | self % |', '|---|---|---|---|')
    for (const f of s.topTotal) lines.push(`| ${f.fn} | ${f.where} | ${f.totalPct} | ${f.selfPct} |`)
    lines.push('', '| top self | where | self % | total % |', '|---|---|---|---|')
    for (const f of s.topSelf) lines.push(`| ${f.fn} | ${f.where} | ${f.selfPct} | ${f.totalPct} |`)
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}
