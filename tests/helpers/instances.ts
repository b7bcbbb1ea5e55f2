import { testConfig } from '../../server/src/config'
import { createRedisFanout } from '../../server/src/fanout/redis'
import type { Fanout } from '../../server/src/fanout/types'
import { createPostgresPersistence } from '../../server/src/persistence/postgres'
import { createOogstServer, type OogstServer } from '../../server/src/server'
import { DATABASE_URL, dropSchema, freshSchema, REDIS_URL } from './services'
import { tempDataDir } from './testServer'
import { connectClient, type YClient } from './yclient'

const SECRET = 'multi-instance-test-secret-0123456789abcdef'

export interface Instance {
  server: OogstServer
  url: string
  wsUrl: string
}

export interface InstanceOptions {
  /** Wraps the instance's real Redis fan-out (to lose messages on purpose). */
  fanout?: (f: Fanout) => Fanout
  catchUpIntervalMs?: number
}

/**
 * Real server instances sharing one PostgreSQL schema and the real Redis, as in production with
 * DATABASE_URL and REDIS_URL. Call `cleanup` after each test and `dropSchemas` after all.
 */
export function instanceHarness() {
  const schemas: string[] = []
  const servers: OogstServer[] = []
  const clients: YClient[] = []
  return {
    /** A fresh schema for one test's instances. */
    schema(): string {
      const name = freshSchema()
      schemas.push(name)
      return name
    },
    async start(schema: string, options: InstanceOptions = {}): Promise<Instance> {
      const store = await createPostgresPersistence({
        connectionString: DATABASE_URL,
        schema,
        maxConnections: 4,
      })
      const config = testConfig({
        dataDir: tempDataDir(),
        secret: SECRET,
        catchUpIntervalMs: options.catchUpIntervalMs ?? 2000,
      })
      const fanout = createRedisFanout(REDIS_URL, () => {})
      const server = await createOogstServer(config, {
        store,
        fanout: options.fanout ? options.fanout(fanout) : fanout,
      })
      await server.listen()
      servers.push(server)
      return { server, url: server.url(), wsUrl: `${server.url().replace('http', 'ws')}/sync` }
    },
    connect(...args: Parameters<typeof connectClient>): YClient {
      const client = connectClient(...args)
      clients.push(client)
      return client
    },
    async cleanup(): Promise<void> {
      for (const client of clients.splice(0)) client.destroy()
      for (const server of servers.splice(0)) await server.close()
    },
    async dropSchemas(): Promise<void> {
      for (const schema of schemas.splice(0)) await dropSchema(schema)
    },
  }
}
