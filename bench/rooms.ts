import { OURS, type RoomRef, type RunningServer } from './targets'

/**
 * Rooms for a workload. Oogst rooms are real boards (POST /api/boards) with participant tokens
 * (POST /api/boards/:id/tokens, Bearer facilitatorKey); the other servers accept any room name.
 */
export async function prepareRooms(
  server: RunningServer,
  count: number,
  tokensPerRoom: number,
  prefix: string,
): Promise<RoomRef[]> {
  if (!OURS.includes(server.kind)) {
    return Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}`, tokens: [] }))
  }
  const rooms: RoomRef[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      rooms[index] = await createBoardRoom(server.httpBase, `${prefix} ${index}`, tokensPerRoom)
    }
  }
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker))
  return rooms
}

async function createBoardRoom(base: string, title: string, tokenCount: number): Promise<RoomRef> {
  return (await createBenchBoard(base, title, tokenCount, (i) => `bench ${i + 1}`)).room
}

/** A real board with `tokenCount` participant tokens (named by `nameOf`), and its join code and key. */
export async function createBenchBoard(
  base: string,
  title: string,
  tokenCount: number,
  nameOf: (index: number) => string,
): Promise<{ room: RoomRef; joinCode: string; facilitatorKey: string }> {
  const board = await post<{ id: string; facilitatorKey: string; joinCode: string }>(base, '/api/boards', {
    title,
  })
  const tokens: string[] = []
  for (let i = 0; i < tokenCount; i++) {
    const { token } = await post<{ token: string }>(
      base,
      `/api/boards/${board.id}/tokens`,
      { role: 'participant', name: nameOf(i) },
      board.facilitatorKey,
    )
    tokens.push(token)
  }
  return { room: { name: board.id, tokens }, joinCode: board.joinCode, facilitatorKey: board.facilitatorKey }
}

async function post<T>(base: string, route: string, body: unknown, bearer?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (bearer) headers.authorization = `Bearer ${bearer}`
  const response = await fetch(`${base}${route}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const text = await response.text()
  if (response.status !== 201) throw new Error(`POST ${route} failed: ${response.status} ${text}`)
  return JSON.parse(text) as T
}
