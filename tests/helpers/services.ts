import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { reachable } from './reachable'

/**
 * PostgreSQL and Redis are real services here, never mocks. Without them the tests that need them
 * skip with a visible message — except in CI (CI=true), where a missing service is a failure.
 */
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const inCI = process.env.CI === 'true' || process.env.CI === '1'

/** Resolves true when the service is there; false (with a message) to skip; throws in CI. */
export async function requireService(name: 'postgres' | 'redis'): Promise<boolean> {
  const ok = name === 'postgres' ? await reachable(DATABASE_URL, 5432) : await reachable(REDIS_URL, 6379)
  if (ok) return true
  const message = `${name} is not reachable at ${name === 'postgres' ? DATABASE_URL : REDIS_URL}`
  if (inCI) throw new Error(`${message}; CI must run the ${name} tests`)
  console.warn(`SKIPPED: ${message}; its tests are skipped on this machine.`)
  return false
}

export const servicesAvailable = {
  postgres: await requireService('postgres'),
  redis: await requireService('redis'),
}

/** A fresh schema name, so each test run works on empty tables. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await client.end()
}
