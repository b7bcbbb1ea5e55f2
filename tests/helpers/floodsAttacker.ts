/**
 * The attacker of the issue-16 flood tests, in its own process (so its CPU is not the measuring
 * client's): raw WebSocket frames at a fixed rate, reconnecting whenever the server closes it.
 *   node --import tsx tests/helpers/floodsAttacker.ts '<json FloodPlan>'
 * Prints one JSON line with what it sent when done.
 */
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'

export interface FloodPlan {
  kind: 'awareness' | 'step1'
  /** ws://host/sync/<room>?token=… */
  url: string
  sockets: number
  /** Frames per second per socket. */
  rate: number
  /** Awareness: bytes of each state's JSON. */
  stateBytes?: number
  durationMs: number
}

function awarenessFrame(clientId: number, clock: number, stateBytes: number): Uint8Array {
  const state = JSON.stringify({ user: { name: 'x'.repeat(Math.max(0, stateBytes - 30)) }, n: clock })
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, state)
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1) // awareness
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

/** Sync step 1 with an empty state vector: "send me the whole board". Four bytes. */
const STEP1 = new Uint8Array([0, 0, 1, 0])

async function run(plan: FloodPlan): Promise<void> {
  const end = Date.now() + plan.durationMs
  let sent = 0
  let bytes = 0
  let closes = 0
  const socketLoop = async (index: number) => {
    const clientId = 1_000_000 + index
    let clock = 0
    const frame = plan.kind === 'awareness' ? awarenessFrame(clientId, 0, plan.stateBytes ?? 1000) : STEP1
    while (Date.now() < end) {
      const ws = new WebSocket(plan.url)
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined
        ws.on('open', () => {
          timer = setInterval(() => {
            if (Date.now() >= end || ws.readyState !== ws.OPEN) return
            // A fresh clock each time, as a real client's changes would have (same size).
            const body =
              plan.kind === 'awareness' ? awarenessFrame(clientId, ++clock, plan.stateBytes ?? 1000) : frame
            ws.send(body)
            sent++
            bytes += body.byteLength
          }, 1000 / plan.rate)
        })
        const done = () => {
          clearInterval(timer)
          resolve()
        }
        ws.on('close', () => {
          closes++
          done()
        })
        ws.on('error', done)
        setTimeout(() => ws.close(), Math.max(0, end - Date.now()))
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  await Promise.all(Array.from({ length: plan.sockets }, (_, i) => socketLoop(i)))
  process.stdout.write(`${JSON.stringify({ sent, megabytes: Math.round(bytes / 1e6), closes })}\n`)
}

if (process.argv[2]) void run(JSON.parse(process.argv[2]) as FloodPlan).then(() => process.exit(0))
