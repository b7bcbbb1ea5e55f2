import type { FrameStats } from './page'
import { SESSION_GOALS, type SessionNormResult } from './session'

/** The session norm as a Markdown section of bench/client-results.md (goals from issue 17). */
export function renderSessionNorm(r: SessionNormResult): string[] {
  const check = (ok: boolean) => (ok ? '✅' : '❌')
  const fps = (f: FrameStats) => `${f.fps} fps (p95 frame ${f.p95FrameMs} ms, ${f.longFrames} frames > 50 ms)`
  const { start, end } = r.pan
  return [
    `## Session norm: ${r.participants} participants, ${r.phones} cheap phones (CPU ${r.throttle}× slower)`,
    '',
    `One board; ${r.participants} participants as lean clients (${r.participantsFailed} failed to connect) added ${r.notesAdded} notes and gave ${r.votesCast} dots (${r.votesRefused} refused: out of dots or the note's maximum) while ${r.phones} headless Chromium phones (390×844, touch, DPR 2, canvas view, CPU throttled ${r.throttle}× via DevTools) joined with the code and measured. Run took ${Math.round(r.durationMs / 1000)} s.`,
    '',
    '| Figure | value | goal |',
    '|---|---|---|',
    `| Join → first note on screen (max of ${r.phones} phones; median) | ${r.joinMs.max} ms (${r.joinMs.p50} ms) | ≤ ${SESSION_GOALS.joinMs} ms ${check(r.joinMs.max <= SESSION_GOALS.joinMs)} |`,
    `| Note from another phone visible, p50 / p95 / max (${r.remoteNoteMs.count} sightings, ${r.remoteNotesMissed} missed) | ${r.remoteNoteMs.p50} / ${r.remoteNoteMs.p95} / ${r.remoteNoteMs.max} ms | p95 ≤ ${SESSION_GOALS.remoteNoteMs} ms ${check(r.remoteNotesMissed === 0 && r.remoteNoteMs.p95 <= SESSION_GOALS.remoteNoteMs)} |`,
    `| Pan, ${r.startNotes}-note board, CPU ${r.throttle}× slower | ${fps(start.throttled)} | ≥ ${SESSION_GOALS.panFpsThrottled} fps ${check(start.throttled.fps >= SESSION_GOALS.panFpsThrottled)} |`,
    `| Pan, ${r.startNotes}-note board, full speed | ${fps(start.full)} | ≥ ${SESSION_GOALS.panFpsFull} fps ${check(start.full.fps >= SESSION_GOALS.panFpsFull)} |`,
    `| Pan, ${r.endNotes}-note board, CPU ${r.throttle}× slower | ${fps(end.throttled)} | ≥ ${SESSION_GOALS.panFpsThrottled} fps ${check(end.throttled.fps >= SESSION_GOALS.panFpsThrottled)} |`,
    `| Pan, ${r.endNotes}-note board, full speed | ${fps(end.full)} | ≥ ${SESSION_GOALS.panFpsFull} fps ${check(end.full.fps >= SESSION_GOALS.panFpsFull)} |`,
    `| JS heap per phone at the end (${r.endNotes}+ notes) | ${r.heapMb.map((mb) => `${mb} MB`).join(', ')} | |`,
    '',
  ]
}
