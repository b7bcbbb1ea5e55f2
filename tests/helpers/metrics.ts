/**
 * One value from a server's Prometheus `/metrics`. `series` is a metric name (any labels match) or
 * a name with its labels exactly as printed, e.g. `oogst_frames_refused_total{reason="rate-limit"}`.
 * A labelled counter has no line until it first counts: `missing` is returned then.
 */
export async function readMetric(baseUrl: string, series: string, missing = Number.NaN): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  const escaped = series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const anyLabels = series.includes('{') ? '' : '(?:\\{[^}]*\\})?'
  const match = text.match(new RegExp(`^${escaped}${anyLabels} (\\S+)$`, 'm'))
  return match ? Number(match[1]) : missing
}
