import type { NameMode } from '../../../../shared/src/report/privacy'
import type { PrivacyFlag, ReportFormat, ReportModel } from '../../../../shared/src/report/types'
import { ApiError, request } from '../../api/http'

/**
 * The report endpoints (docs/api.md, "Harvest report"): the preview as data for the dialog, the
 * files as downloads, and deleting the board ("export, then delete"). Every call carries the
 * person's token as a Bearer header, never in the address, so it stays out of logs and history.
 */

export interface ReportPreview {
  model: ReportModel
  flags: PrivacyFlag[]
}

export interface ReportOptions {
  redact: boolean
  /** Only this zone (picture formats). */
  zoneId?: string | null
  /** Compact report (true), full (false), or chosen by the board's size (null/absent). */
  compact?: boolean | null
  /** Participant names as written (default), as initials or numbered. */
  names?: NameMode
}

function reportQuery(options: ReportOptions & { format?: ReportFormat }): string {
  const query = new URLSearchParams()
  if (options.format) query.set('format', options.format)
  query.set('redact', options.redact ? 'true' : 'false')
  if (options.zoneId) query.set('zone', options.zoneId)
  if (typeof options.compact === 'boolean') query.set('compact', options.compact ? 'true' : 'false')
  if (options.names && options.names !== 'keep') query.set('names', options.names)
  return query.toString()
}

function boardPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}`
}

export function fetchPreview(boardId: string, token: string, options: ReportOptions): Promise<ReportPreview> {
  return request(`${boardPath(boardId)}/report/preview?${reportQuery(options)}`, { bearer: token })
}

export function deleteBoard(boardId: string, token: string): Promise<void> {
  return request(boardPath(boardId), { method: 'DELETE', bearer: token })
}

/** The file name from `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…). */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (extended?.[1]) {
    try {
      return safeName(decodeURIComponent(extended[1].trim()), fallback)
    } catch {
      // Badly encoded: try the plain form below.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition)
  return safeName(plain?.[1] ?? plain?.[2] ?? '', fallback)
}

/** No folders and no control characters in a name we hand to the browser's download. */
function safeName(name: string, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = name.replace(/[/\\\u0000-\u001f]/g, '').trim()
  return cleaned || fallback
}

async function errorOf(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown }
  } | null
  const code = payload?.error?.code
  const message = payload?.error?.message
  return new ApiError(
    response.status,
    typeof code === 'string' ? code : `http_${response.status}`,
    typeof message === 'string' ? message : response.statusText,
  )
}

/**
 * Fetches one report file with the token and saves it under the server's file name: a plain link
 * cannot send an Authorization header, so the file goes through a blob and a temporary object URL.
 */
export async function downloadReport(
  boardId: string,
  token: string,
  format: ReportFormat,
  options: ReportOptions,
): Promise<string> {
  let response: Response
  try {
    response = await fetch(`${boardPath(boardId)}/report?${reportQuery({ ...options, format })}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error')
  }
  if (!response.ok) throw await errorOf(response)
  const blob = await response.blob()
  const filename = filenameFrom(response.headers.get('Content-Disposition'), `oogst.${format}`)
  saveBlob(blob, filename)
  return filename
}

/** Saves a fetched file through a temporary link (also the Jaaroverzicht's downloads). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the file once the click is handled; give slow machines a moment.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
