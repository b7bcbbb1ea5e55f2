/**
 * Which storage sequence numbers a room's document already holds. Appends get numbers in commit
 * order across all instances; an instance applies its own updates and those from the fan-out as
 * they come, which with two instances writing to one board is often out of order (B commits 5
 * while A's message about 4 is still on its way). Yjs updates commute, so applying out of order is
 * safe; what must stay exact is `complete`, the number up to which nothing is missing: compaction
 * folds the log only up to there, and a catch-up from storage reads from there.
 */
export class SeqTracker {
  private completeUpTo = 0
  /** Numbers above `complete` that are applied already. */
  private readonly ahead = new Set<number>()

  /** Everything up to and including this number is in the document. */
  get complete(): number {
    return this.completeUpTo
  }

  /** Whether something below the highest applied number is still missing. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  /** Records that the updates numbered `from`..`to` are in the document. */
  applied(from: number, to: number): void {
    for (let seq = Math.max(from, this.completeUpTo + 1); seq <= to; seq++) this.ahead.add(seq)
    this.advance()
  }

  /** After reading storage up to `lastSeq`: everything up to there is in the document. */
  caughtUp(lastSeq: number): void {
    if (lastSeq > this.completeUpTo) this.completeUpTo = lastSeq
    for (const seq of this.ahead) if (seq <= this.completeUpTo) this.ahead.delete(seq)
    this.advance()
  }

  private advance(): void {
    while (this.ahead.delete(this.completeUpTo + 1)) this.completeUpTo += 1
  }
}
