import type { Log } from '../log'
import type { BoardService } from './boardService'

const HOUR = 60 * 60_000

/**
 * Deletes boards (with their logs, snapshots and revocations) `days` days after their last
 * activity: once at start, then every hour. With several instances each one sweeps; deleting an
 * already deleted board is harmless.
 */
export function retentionSweeper(
  boards: BoardService,
  days: number,
  log: Log,
): { start(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null
  const sweep = async () => {
    try {
      const deleted = await boards.deleteInactive(days)
      if (deleted.length > 0)
        log(`retention: deleted ${deleted.length} board(s) idle for more than ${days} days`)
    } catch (error) {
      log('retention sweep failed', error)
    }
  }
  return {
    start() {
      if (days <= 0 || timer) return
      void sweep()
      timer = setInterval(() => void sweep(), HOUR)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
