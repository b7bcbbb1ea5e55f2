import { connectClient } from './load/clients'
import { EditTracker } from './load/edits'
import { destroyAll, sleep, waitUntil, withTimeout } from './load/pool'
import { cpuMs, machineBusyMs } from './proc'
import { prepareRooms } from './rooms'
import { median, round } from './stats'
import { LABEL, type ServerKind, startServer } from './targets'

/**
 * `node --import tsx bench/cpuPerEdit.ts [--rate=100] [--seconds=6] [--rounds=3]
 *   [--servers=oogst,hocuspocus,yws,relay] [--clients=50] [--history=0]`
 *
 * `--servers=oogst@/copy/server/src/main.ts,oogst,…` also runs a copy of Oogst (a before/after A/B
 * in the same rounds).
 *
 * Server CPU per delivered edit at one fixed rate, without the ramp: the latency workload's room
 * (one note per client, 4 full receivers, the others lean) edited at `rate` edits/s for `seconds`,
 * server CPU from /proc over exactly that stretch (setup and draining left out). The servers take
 * turns round by round, so a shared machine's load falls on all of them alike; the figure is the
 * median of the rounds, with the spread.
 */
const args = process.argv.slice(2)
const value = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const rate = Number(value('rate', '100'))
const seconds = Number(value('seconds', '6'))
const rounds = Number(value('rounds', '3'))
const clientCount = Number(value('clients', '50'))
/** Edits made before the measured stretch: a board with a long history (a whole session of drags). */
const history = Number(value('history', '0'))
/** `--profile=DIR`: a V8 CPU profile of each Oogst server (node --cpu-prof) into DIR. */
const profileDir = value('profile', '') || undefined
/** `kind` or `oogst@<entry>` (a copy of the server). */
const servers = value('servers', 'oogst,hocuspocus,yws,relay').split(',')
const kindOf = (server: string) => server.split('@')[0] as ServerKind
const labelOf = (server: string) =>
  server.includes('@') ? `${LABEL[kindOf(server)]} (${server.split('@')[1]})` : LABEL[kindOf(server)]
const FULL_RECEIVERS = 4

async function measureOnce(name: string): Promise<{ cpuPerEdit: number; machinePct: number }> {
  const entry = name.split('@')[1]
  if (entry) process.env.BENCH_OOGST_ENTRY = entry
  else delete process.env.BENCH_OOGST_ENTRY
  const profile = kindOf(name) === 'oogst' ? profileDir : undefined
  const server = await startServer(kindOf(name), { unloadGraceMs: 2000, profileDir: profile })
  const clients = []
  try {
    const [room] = await prepareRooms(server, 1, clientCount, 'cpu per edit')
    if (!room) throw new Error('no room')
    for (let i = 0; i < clientCount; i++) clients.push(connectClient(server.spec, room, i))
    if (!(await withTimeout(Promise.all(clients.map((c) => c.synced)), 30_000))) throw new Error('sync')
    const tracker = new EditTracker(clients, clients.length, FULL_RECEIVERS)
    tracker.createNotes()
    if (!(await waitUntil(() => tracker.allNotesVisible(), 30_000))) throw new Error('notes')
    for (const client of clients.slice(FULL_RECEIVERS)) client.lean()
    // A long history first, in bursts the server can take, then let it settle.
    for (let i = 0; i < history; i++) {
      tracker.edit(i % clients.length)
      if (i % 100 === 99) await sleep(50)
    }
    // Setup work (Oogst corrects authors of new notes) settles before the measured stretch.
    await sleep(1500 + history / 10)
    const edits = Math.round(rate * seconds)
    const cpuBefore = cpuMs(server.pid)
    const machineBefore = machineBusyMs()
    const started = performance.now()
    for (let i = 0; i < edits; i++) {
      tracker.edit(i % clients.length)
      const due = started + ((i + 1) * 1000) / rate
      const wait = due - performance.now()
      if (wait > 0) await sleep(wait)
    }
    // Delivered: the frames of the last edits are out (the full receivers have them).
    await sleep(500)
    const elapsed = performance.now() - started
    const cpu = cpuMs(server.pid) - cpuBefore
    const machinePct = ((machineBusyMs() - machineBefore) / elapsed) * 100
    return { cpuPerEdit: cpu / edits, machinePct }
  } finally {
    destroyAll(clients)
    await server.stop()
  }
}

const results = new Map<string, number[]>(servers.map((name) => [name, []]))
const machine: number[] = []
for (let round_ = 1; round_ <= rounds; round_++) {
  for (const name of servers) {
    const { cpuPerEdit, machinePct } = await measureOnce(name)
    results.get(name)?.push(cpuPerEdit)
    machine.push(machinePct)
    console.log(
      `round ${round_} ${labelOf(name)}: ${round(cpuPerEdit, 3)} ms/edit (machine ${round(machinePct, 0)}% of a core busy)`,
    )
  }
}
console.log(
  `\n${rate} edits/s for ${seconds} s, ${clientCount} clients, ${rounds} rounds; machine busy median ${round(median(machine), 0)}% of a core (all processes)`,
)
console.log('| server | CPU per edit, median (min–max) |\n|---|---|')
for (const [name, values] of results) {
  console.log(
    `| ${labelOf(name)} | ${round(median(values), 3)} ms (${round(Math.min(...values), 3)}–${round(Math.max(...values), 3)}) |`,
  )
}
process.exit(0)
