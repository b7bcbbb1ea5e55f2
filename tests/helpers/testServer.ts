import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type OogstConfig, testConfig } from '../../server/src/config'
import type { Persistence } from '../../server/src/persistence/types'
import { createOogstServer, type OogstServer } from '../../server/src/server'

export interface TestServer {
  server: OogstServer
  url: string
  wsUrl: string
  dataDir: string
  close(): Promise<void>
}

export function tempDataDir(prefix = 'oogst-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Starts the real server in-process on port 0 with a temporary DATA_DIR (SQLite unless `store`). */
export async function startTestServer(
  options: { dataDir?: string; store?: Persistence; config?: Partial<OogstConfig> } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const config = testConfig({ dataDir, ...options.config })
  const server = await createOogstServer(config, options.store ? { store: options.store } : {})
  await server.listen()
  const url = server.url()
  return { server, url, wsUrl: `${url.replace(/^http/, 'ws')}/sync`, dataDir, close: () => server.close() }
}

export interface CreatedBoard {
  id: string
  joinCode: string
  facilitatorKey: string
  facilitatorUrl: string
  participantUrl: string
  viewerUrl: string
}

export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

export async function createBoard(
  baseUrl: string,
  title = 'Testbord',
  extra: object = {},
): Promise<CreatedBoard> {
  const { status, body } = await api<CreatedBoard>(baseUrl, 'POST', '/api/boards', { title, ...extra })
  if (status !== 201) throw new Error(`createBoard failed: ${status} ${JSON.stringify(body)}`)
  return body
}

export async function tokenFor(
  baseUrl: string,
  board: CreatedBoard,
  role: 'facilitator' | 'participant' | 'viewer',
  name: string = role,
): Promise<string> {
  const { status, body } = await api<{ token: string }>(
    baseUrl,
    'POST',
    `/api/boards/${board.id}/tokens`,
    { role, name },
    { authorization: `Bearer ${board.facilitatorKey}` },
  )
  if (status !== 201) throw new Error(`token failed: ${status}`)
  return body.token
}

/** The participant id inside a token (its payload is base64url JSON), to write notes as that person. */
export function participantIdOf(token: string): string {
  const payload = token.split('.')[1] ?? ''
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { participantId: string })
    .participantId
}
