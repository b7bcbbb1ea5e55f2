import type { Response } from 'express'
import type { BuildReportOptions } from '../../../shared/src/report/buildReport'
import type { NameMode } from '../../../shared/src/report/privacy'
import { type HeavyWork, HeavyWorkError } from '../work/heavyWork'
import type { TaskInput, TaskKind, TaskOutput } from '../work/tasks'
import { HttpError } from './errors'

/**
 * How the HTTP routes answer heavy work (issue 16, F1): a task over its budget or a full queue is
 * a 413 or 503 with a message in Dutch and English (the report dialog shows the message as is),
 * never a server that stops answering.
 */

const ANSWERS = {
  busy: {
    status: 503,
    code: 'server_busy',
    message:
      'De server maakt nu andere verslagen. Probeer het over een minuut opnieuw. / ' +
      'The server is busy with other reports. Try again in a minute.',
  },
  timeout: {
    status: 503,
    code: 'work_too_slow',
    message:
      'Dit duurde te lang en is gestopt. Probeer een kleiner deel (één vraag) of een andere vorm. / ' +
      'This took too long and was stopped. Try a smaller part (one question) or another format.',
  },
  memory: {
    status: 413,
    code: 'board_too_large',
    message:
      'Dit bord is te groot om zo te verwerken. Probeer een kleiner deel (één vraag) of een andere vorm. / ' +
      'This board is too large to process this way. Try a smaller part (one question) or another format.',
  },
} as const

/** A 503 before anything is read when the board's queue (or the pool's) is full already. */
export function refuseWhenFull(work: HeavyWork, res: Response, boardId: string | null): void {
  if (!work.isFull(boardId)) return
  res.setHeader('Retry-After', '60')
  throw new HttpError(ANSWERS.busy.status, ANSWERS.busy.code, ANSWERS.busy.message)
}

/** Runs a task in the pool; budget failures become the answers above (503s say when to retry). */
export async function runHeavy<K extends TaskKind>(
  work: HeavyWork,
  res: Response,
  kind: K,
  input: TaskInput<K>,
  boardId: string | null,
): Promise<TaskOutput<K>> {
  try {
    return await work.run(kind, input, { boardId })
  } catch (error) {
    if (!(error instanceof HeavyWorkError)) throw error
    const answer = ANSWERS[error.reason]
    if (answer.status === 503) res.setHeader('Retry-After', '60')
    throw new HttpError(answer.status, answer.code, answer.message)
  }
}

type Refusal = { ok: false; code: string; message: string }

/** A task's own refusal (unknown zone, invalid backup, over a board limit) as the matching 4xx. */
export function succeeded<T extends { ok: true }>(result: T | Refusal): T {
  if (result.ok) return result
  const status = result.code === 'unknown_zone' ? 404 : result.code === 'board_limit' ? 413 : 400
  throw new HttpError(status, result.code, result.message)
}

/** The report options a query asks for (the same for downloads and the preview). */
export function reportOptions(query: {
  redact: boolean
  zone?: string | undefined
  names?: NameMode | undefined
  compact?: boolean | null | undefined
}): BuildReportOptions {
  return {
    redact: query.redact,
    zoneId: query.zone ?? null,
    names: query.names ?? 'keep',
    compact: query.compact ?? null,
  }
}
