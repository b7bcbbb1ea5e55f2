/**
 * The one place that talks HTTP to the Oogst server. Every failure becomes an ApiError with the
 * server's error code and message (or `network` when the server could not be reached), so screens
 * can explain it in plain words.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface RequestInit {
  method?: string
  /** Sent as JSON. */
  body?: unknown
  /** A JSON file sent as it is (a template file the person picked): the server says where it is wrong. */
  text?: string
  bearer?: string
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: string | undefined
  if (init.text !== undefined) {
    // JSON, not text/plain: the server refuses other types so no other site can post here (F9).
    headers['Content-Type'] = 'application/json'
    body = init.text
  } else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.body)
  }
  if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`
  let response: Response
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error')
  }
  // 204 and other empty answers have no JSON; that is fine.
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText,
    )
  }
  return payload as T
}
