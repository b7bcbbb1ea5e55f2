import * as Y from 'yjs'
import { createNote, updateNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import type { BenchClient } from './clients'

/** Milliseconds on CLOCK_MONOTONIC: comparable between processes on one machine. */
export const now = () => Number(process.hrtime.bigint()) / 1e6

/**
 * Edits and their observation. Client i owns note `bench-<i>` (created through the shared model,
 * plus `benchSender`); an edit moves it (`updateNote`) and embeds `benchSeq` and `benchSentAt` (the
 * send time, monotonic ms) in the same transaction. Every observing client (all, or the first few
 * when the rest are lean) observes the note
 * with `observeDeep` and records edit→observation latency for every edit it now has: when a server
 * batches two edits of one note into one frame, the receiver sees only the newer value, so the
 * older edits are completed at the same moment (their send times are kept per sender).
 */
export class EditTracker {
  private readonly n: number
  private readonly senders: number
  private readonly seq: Int32Array
  private readonly windowStart: Int32Array
  private readonly lastSeen: Int32Array
  private readonly sentAt: number[][]
  private samples: number[] = []
  /** Latency to the first peer that saw each edit: server + network, little generator queueing. */
  private firstSamples: number[] = []
  private readonly firstSeen: Int32Array
  private deliveredInWindow = 0
  private readonly unobserve: Array<() => void> = []

  /** Clients 0..observers-1 decode and record what arrives; the others may be lean. */
  private readonly observers: number

  /** Clients 0..senders-1 own a note and edit it; clients 0..observers-1 observe. */
  constructor(
    private readonly clients: BenchClient[],
    senders = clients.length,
    observers = clients.length,
  ) {
    this.n = clients.length
    this.senders = Math.min(senders, clients.length)
    this.observers = Math.min(observers, clients.length)
    this.seq = new Int32Array(this.senders)
    this.windowStart = new Int32Array(this.senders).fill(1)
    this.lastSeen = new Int32Array(this.n * this.senders)
    this.firstSeen = new Int32Array(this.senders)
    this.sentAt = Array.from({ length: this.senders }, () => [0])
    clients.slice(0, this.observers).forEach((client, observer) => {
      const root = notesRoot(client.doc)
      const listener = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => this.observe(observer, events)
      root.observeDeep(listener)
      this.unobserve.push(() => root.unobserveDeep(listener))
    })
  }

  /** Every sender adds its note (see allNotesVisible). */
  createNotes(): void {
    this.clients.slice(0, this.senders).forEach((client, i) => {
      client.doc.transact(() => {
        createNote(client.doc, {
          id: `bench-${i}`,
          x: (i % 20) * 200,
          y: Math.floor(i / 20) * 200,
          authorId: client.author?.id ?? `bench-${i}`,
          authorName: client.author?.name ?? `Bench ${i}`,
          text: `Note of bench client ${i}`,
        })
        notesRoot(client.doc).get(`bench-${i}`)?.set('benchSender', i)
      })
    })
  }

  allNotesVisible(): boolean {
    return this.clients.slice(0, this.observers).every((client) => notesRoot(client.doc).size >= this.senders)
  }

  /** Client `sender` moves its note and stamps it. */
  edit(sender: number): void {
    if (sender >= this.senders) return
    const seq = (this.seq[sender] as number) + 1
    this.seq[sender] = seq
    const sentAt = now()
    ;(this.sentAt[sender] as number[])[seq] = sentAt
    const doc = (this.clients[sender] as BenchClient).doc
    const id = `bench-${sender}`
    doc.transact(() => {
      updateNote(doc, id, { x: (seq * 37) % 4000, y: (seq * 53) % 3000 })
      const note = notesRoot(doc).get(id)
      note?.set('benchSeq', seq)
      note?.set('benchSentAt', sentAt)
    })
  }

  private observe(observer: number, events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void {
    const at = now()
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('benchSeq')) continue
      const note = event.target as Y.Map<unknown>
      const sender = note.get('benchSender')
      const seq = note.get('benchSeq')
      const stamped = note.get('benchSentAt')
      if (
        typeof sender !== 'number' ||
        typeof seq !== 'number' ||
        sender === observer ||
        sender >= this.senders
      )
        continue
      const slot = observer * this.senders + sender
      const sent = this.sentAt[sender] as number[]
      for (let k = (this.lastSeen[slot] as number) + 1; k <= seq; k++) {
        if (k < (this.windowStart[sender] as number)) continue
        this.samples.push(at - (k === seq && typeof stamped === 'number' ? stamped : (sent[k] as number)))
        this.deliveredInWindow++
      }
      if (seq > (this.lastSeen[slot] as number)) this.lastSeen[slot] = seq
      for (let k = (this.firstSeen[sender] as number) + 1; k <= seq; k++) {
        if (k >= (this.windowStart[sender] as number)) this.firstSamples.push(at - (sent[k] as number))
      }
      if (seq > (this.firstSeen[sender] as number)) this.firstSeen[sender] = seq
    }
  }

  /** Starts a measurement window: only edits sent from now on are counted. */
  startWindow(): void {
    for (let s = 0; s < this.senders; s++) this.windowStart[s] = (this.seq[s] as number) + 1
    this.samples = []
    this.firstSamples = []
    this.deliveredInWindow = 0
  }

  /** Edits sent in the window × the observers that did not send them. */
  expected(): number {
    let expected = 0
    for (let s = 0; s < this.senders; s++) {
      const sent = (this.seq[s] as number) - (this.windowStart[s] as number) + 1
      expected += sent * (this.observers - (s < this.observers ? 1 : 0))
    }
    return expected
  }

  delivered(): number {
    return this.deliveredInWindow
  }

  allDelivered(): boolean {
    return this.deliveredInWindow >= this.expected()
  }

  takeSamples(): number[] {
    const samples = this.samples
    this.samples = []
    return samples
  }

  takeFirstPeerSamples(): number[] {
    const samples = this.firstSamples
    this.firstSamples = []
    return samples
  }

  dispose(): void {
    for (const off of this.unobserve) off()
  }
}
