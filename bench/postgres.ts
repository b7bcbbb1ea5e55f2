import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The local PostgreSQL the bench uses for Oogst's scaled setup (BENCH_DATABASE_URL to change). */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A schema of its own (search_path in the URL) for one server run; `drop()` removes it. */
export async function createBenchSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const url = new URL(BENCH_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    },
  }
}

/** Runs `use` with a fresh schema, dropped afterwards. */
export async function withSchema<T>(use: (databaseUrl: string) => Promise<T>): Promise<T> {
  const schema = await createBenchSchema()
  try {
    return await use(schema.url)
  } finally {
    await schema.drop()
  }
}
