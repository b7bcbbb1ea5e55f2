import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client'

/**
 * Prometheus metrics for operators. Gauges that describe current state are computed at scrape
 * time from the live objects, so they can never drift from the truth.
 */
export interface MetricsSources {
  connections: () => number
  roomsLoaded: () => number
  /** Updates in the loaded rooms' logs not yet folded into a snapshot. */
  logLength: () => number
  fanoutLagMs: () => number | null
}

export interface OogstMetrics {
  registry: Registry
  updatesTotal: Counter
  framesRefusedTotal: Counter<'reason'>
}

export function createMetrics(sources: MetricsSources): OogstMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'oogst_process_' })
  new Gauge({
    name: 'oogst_connections',
    help: 'Open WebSocket connections',
    registers: [registry],
    collect() {
      this.set(sources.connections())
    },
  })
  new Gauge({
    name: 'oogst_rooms_loaded',
    help: 'Rooms (documents) in memory',
    registers: [registry],
    collect() {
      this.set(sources.roomsLoaded())
    },
  })
  new Gauge({
    name: 'oogst_update_log_length',
    help: 'Updates in loaded rooms not yet compacted into a snapshot',
    registers: [registry],
    collect() {
      this.set(sources.logLength())
    },
  })
  new Gauge({
    name: 'oogst_fanout_lag_seconds',
    help: 'Delay of the latest fan-out message from another instance',
    registers: [registry],
    collect() {
      const lag = sources.fanoutLagMs()
      if (lag !== null) this.set(lag / 1000)
    },
  })
  const updatesTotal = new Counter({
    name: 'oogst_updates_total',
    help: 'Document updates stored and broadcast (rate() gives updates per second)',
    registers: [registry],
  })
  const framesRefusedTotal = new Counter({
    name: 'oogst_frames_refused_total',
    help: 'WebSocket frames refused, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  return { registry, updatesTotal, framesRefusedTotal }
}
