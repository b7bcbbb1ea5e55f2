/**
 * Group commit's pace for one room. Each commit costs a message to the storage thread, a Yjs apply
 * and a frame to every socket, whatever it holds: at 800 edits/s with one or two edits per commit,
 * sending frames (writev) was half of the server's CPU (issue 17 profile). So while a room is busy
 * its commits start at least `gapMs` apart and the edits that arrive meanwhile share one; a room
 * at a normal pace commits each edit at once, so its latency does not change.
 */

/**
 * Busy from this rate on. A session's normal pace is a few edits a second; 50 people dragging
 * notes make about 100. Measured over one to two windows of RATE_WINDOW_MS.
 */
const BUSY_EDITS_PER_SECOND = 200
const RATE_WINDOW_MS = 250

export class CommitPacer {
  /** When the last commit started (performance.now()). */
  private lastCommitAt = Number.NEGATIVE_INFINITY
  /** Edits submitted in the current and the previous rate window. */
  private editsNow = 0
  private editsBefore = 0
  private windowStartedAt = 0

  constructor(private readonly gapMs: number) {}

  /** An edit was submitted to the room. */
  countEdit(): void {
    const now = performance.now()
    if (now - this.windowStartedAt >= RATE_WINDOW_MS) {
      // A whole window without edits in between means the previous one was quiet.
      this.editsBefore = now - this.windowStartedAt < 2 * RATE_WINDOW_MS ? this.editsNow : 0
      this.editsNow = 0
      this.windowStartedAt = now
    }
    this.editsNow++
  }

  /** Resolves when the next commit may start (at once unless the room is busy). */
  async beforeCommit(): Promise<void> {
    if (this.gapMs > 0 && this.busy()) {
      const wait = this.lastCommitAt + this.gapMs - performance.now()
      if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait))
    }
    this.lastCommitAt = performance.now()
  }

  private busy(): boolean {
    const recent = this.editsNow + this.editsBefore
    const span = RATE_WINDOW_MS + (performance.now() - this.windowStartedAt)
    return (recent / span) * 1000 >= BUSY_EDITS_PER_SECOND
  }
}
