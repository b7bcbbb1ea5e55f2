import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { CLOSE_CODES } from '../../../shared/src/protocol'
import { parseRoomName, type RoomAddress } from '../../../shared/src/rooms'
import { offeredProtocols, SYNC_SUBPROTOCOL, tokenFromProtocols } from '../../../shared/src/syncToken'
import type { TokenClaims } from '../auth/tokens'
import type { AccessTarget } from '../boards/boardService'
import { clientAddress, originAllowed } from '../net/clientRequest'
import { Connection, type ConnectionDeps } from './connection'
import type { SyncHooks } from './hooks'
import { KEEPALIVE_MESSAGE } from './messages'
import { ConnectionCounter, TokenBucket } from './rateLimit'
import { roomAccess } from './roomAccess'
import type { RoomManager } from './roomManager'
import { refusalCostMs } from './scratchDocs'

export interface SyncServerOptions {
  maxFrameBytes: number
  /**
   * The claims of a token that gives access to this board right now, or null (checked before the
   * upgrade completes; BoardService.verifyAccess).
   */
  authorize: (token: string | null, boardId: string) => Promise<{ claims: TokenClaims } | null>
  /**
   * Read access to a room that roomAccess refuses, granted for a while by the session (the
   * inbrenger reading their group's standpoints: session/standpoints.ts). Never write access.
   */
  grantRead?: (claims: TokenClaims, address: RoomAddress) => Promise<boolean>
  /** The registered extensions (sync/hooks.ts): session rules, presence, metrics. */
  hooks: SyncHooks
  trustProxy: boolean
  publicUrl: string | null
  allowedOrigins: readonly string[]
  limits: { connectionsPerIp: number; updatesPerSecond: number; awarenessPerSecond: number }
  onRefused?: ConnectionDeps['onRefused']
  /** The y-websocket client drops a socket that received nothing for 30 s; we speak every 15 s. */
  keepaliveMs?: number
  /** How long a person whose socket was closed for flooding may not reconnect to that board. */
  floodCooldownMs?: number
  log: (message: string, error?: unknown) => void
}

const SYNC_PREFIX = '/sync/'
/** The longest a participant whose edit was refused waits before reconnecting to that board. */
const MAX_REFUSED_WRITE_COOLDOWN_MS = 5000

const coolDownKey = (boardId: string, participantId: string) => `${boardId}:${participantId}`

/**
 * Accepts WebSocket upgrades on `/sync/<room>`, with the token in the subprotocol header
 * (shared/src/syncToken.ts) or, discouraged, as `?token=…`. The token is checked before the upgrade
 * completes, so a refused client never gets a socket; everything after that is per Connection.
 */
export class SyncServer {
  private readonly wss: WebSocketServer
  readonly connections = new Set<Connection>()
  /**
   * board:participant → until when reconnecting is refused. A flooder's client reconnects at once
   * and its sync step 2 carries the whole flood again, so without a pause closing the socket only
   * turns many small updates into repeated large ones; everyone else's latency grew 7× (bench).
   */
  private readonly coolingDown = new Map<string, number>()
  private readonly keepaliveTimer: NodeJS.Timeout
  private readonly perAddress: ConnectionCounter

  constructor(
    httpServer: Server,
    private readonly rooms: RoomManager,
    private readonly options: SyncServerOptions,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes,
      // A client that sends its token as a subprotocol is answered with Oogst's own protocol
      // (browsers require one to be chosen), never with the token.
      handleProtocols: (protocols) => (protocols.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
    })
    this.perAddress = new ConnectionCounter(options.limits.connectionsPerIp)
    httpServer.on('upgrade', (request, socket, head) => {
      this.handleUpgrade(request, socket, head).catch((error) => {
        options.log('upgrade failed', error)
        refuse(socket, 500, 'Internal Server Error')
      })
    })
    const keepaliveMs = options.keepaliveMs ?? 15_000
    this.keepaliveTimer = setInterval(() => this.keepalive(keepaliveMs), keepaliveMs / 3)
    this.keepaliveTimer.unref()
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (this.draining) return refuse(socket, 503, 'Service Unavailable')
    // Another site's page may not open sockets with a token it got hold of.
    if (!originAllowed(request, this.options.publicUrl, this.options.allowedOrigins)) {
      return refuse(socket, 403, 'Forbidden')
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(SYNC_PREFIX)) return refuse(socket, 404, 'Not Found')
    const roomName = url.pathname.slice(SYNC_PREFIX.length)
    const address = parseRoomName(roomName)
    if (!address) return refuse(socket, 404, 'Not Found')
    // The header first (the app sends it there, out of proxy logs); the address for other clients.
    const offered = tokenFromProtocols(offeredProtocols(request.headers['sec-websocket-protocol']))
    const access = await this.options.authorize(offered ?? url.searchParams.get('token'), address.boardId)
    if (!access) return refuse(socket, 401, 'Unauthorized')
    const { claims } = access
    if (
      !roomAccess(address, claims.role, claims.participantId).read &&
      !(await this.options.grantRead?.(claims, address))
    )
      return refuse(socket, 403, 'Forbidden')
    if (this.isCoolingDown(address.boardId, claims.participantId)) {
      return refuse(socket, 429, 'Too Many Requests')
    }
    const ip = clientAddress(request, this.options.trustProxy)
    if (!this.perAddress.tryAdd(ip)) return refuse(socket, 429, 'Too Many Requests')
    if (socket.destroyed) {
      this.perAddress.remove(ip)
      return
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', () => this.perAddress.remove(ip))
      this.accept(ws, claims, roomName)
    })
  }

  private accept(ws: import('ws').WebSocket, claims: TokenClaims, roomName: string): void {
    const room = parseRoomName(roomName)
    if (!room) {
      ws.close(CLOSE_CODES.malformed, 'bad room')
      return
    }
    const connection = new Connection(ws, claims, room, roomName, {
      rooms: this.rooms,
      hooks: this.options.hooks,
      updateLimit: new TokenBucket(
        this.options.limits.updatesPerSecond,
        this.options.limits.updatesPerSecond * 3,
      ),
      awarenessLimit: new TokenBucket(
        this.options.limits.awarenessPerSecond,
        this.options.limits.awarenessPerSecond * 2,
      ),
      log: this.options.log,
      onFlood: () => this.coolDown(room.boardId, claims.participantId, this.options.floodCooldownMs ?? 5000),
      onRefused: (reason) => {
        this.options.onRefused?.(reason)
        // A participant's refused edit of the board (the write policy, 4409) cost a rebuild of
        // the board's scratch copy (scratchDocs.ts): a client that reconnects at once to try
        // again waits in proportion, so refusals take at most a tenth of the server's time.
        // The app itself does not reconnect after 4409.
        if (reason === 'read-only' && room.kind === 'content' && claims.role === 'participant') {
          void this.rooms.peek(roomName).then((loaded) => {
            const wait = Math.min(
              MAX_REFUSED_WRITE_COOLDOWN_MS,
              (loaded ? refusalCostMs(loaded.doc) : 0) * 10,
            )
            if (wait >= 1) this.coolDown(room.boardId, claims.participantId, wait)
          })
        }
      },
    })
    this.connections.add(connection)
    this.options.hooks.onJoin(claims, room)
    let alive = true
    ws.on('pong', () => {
      alive = true
    })
    const ping = setInterval(() => {
      if (!alive) return ws.terminate()
      alive = false
      ws.ping()
    }, 30_000)
    ping.unref()
    ws.on('close', () => {
      clearInterval(ping)
      this.connections.delete(connection)
      this.options.hooks.onLeave(claims, room)
    })
  }

  private coolDown(boardId: string, participantId: string, forMs: number): void {
    const key = coolDownKey(boardId, participantId)
    this.coolingDown.set(key, Math.max(this.coolingDown.get(key) ?? 0, Date.now() + forMs))
  }

  /** Expired entries stay until the keepalive sweep; an expired one simply no longer counts. */
  private isCoolingDown(boardId: string, participantId: string): boolean {
    return (this.coolingDown.get(coolDownKey(boardId, participantId)) ?? 0) > Date.now()
  }

  private keepalive(intervalMs: number): void {
    for (const [key, until] of this.coolingDown) if (until <= Date.now()) this.coolingDown.delete(key)
    const due = Date.now() - intervalMs
    for (const connection of this.connections) {
      if (connection.lastSentAt <= due) connection.send(KEEPALIVE_MESSAGE)
    }
  }

  /** The open sockets of a board that match `target`. */
  matching(boardId: string, target: AccessTarget): Connection[] {
    return [...this.connections].filter(({ claims }) => {
      if (claims.boardId !== boardId) return false
      if (target === 'everyone') return true
      return 'participantId' in target
        ? claims.participantId === target.participantId
        : claims.role === target.role
    })
  }

  /** Closes the sockets of a board that match `target` (revocation, key rotation, deletion). */
  closeMatching(boardId: string, target: AccessTarget, code: number, reason: string): void {
    for (const connection of this.matching(boardId, target)) connection.close(code, reason)
  }

  /** Stops taking new sockets: upgrades are refused with 503 (used while draining). */
  private draining = false

  /** Closes every socket with the "reconnect" code (used on shutdown). */
  closeAll(): void {
    this.draining = true
    clearInterval(this.keepaliveTimer)
    for (const connection of this.connections) connection.close(CLOSE_CODES.reconnect, 'server restarting')
    this.wss.close()
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}
