import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { DATABASE_URL } from '../helpers/services'

/**
 * Reads a store's database directly, past the adapter: the tables (every one, FTS5's own tables
 * included) with a row holding `text`. Bytes are read as Latin-1, so text inside a blob counts
 * too. The persistence contract uses it to check that a deletion left nothing behind.
 */
export function sqliteTablesMentioning(dataDir: string): (text: string) => Promise<string[]> {
  return async (text) => {
    const db = new Database(path.join(dataDir, 'oogst.sqlite'), { readonly: true })
    try {
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name)
      const holds = (value: unknown) =>
        (typeof value === 'string' && value.includes(text)) ||
        (Buffer.isBuffer(value) && value.toString('latin1').includes(text))
      return tables.filter((table) =>
        db
          .prepare(`SELECT * FROM "${table}"`)
          .raw()
          .all()
          .some((row) => (row as unknown[]).some(holds)),
      )
    } finally {
      db.close()
    }
  }
}

/** The same for PostgreSQL: every table of the schema, each row as its text form. */
export function postgresTablesMentioning(schema: string): (text: string) => Promise<string[]> {
  return async (text) => {
    const client = new pg.Client({ connectionString: DATABASE_URL })
    await client.connect()
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
        [schema],
      )
      const found: string[] = []
      for (const { table_name: table } of rows) {
        const hit = await client.query(
          `SELECT 1 FROM ${schema}."${table}" t WHERE strpos(t::text, $1) > 0 LIMIT 1`,
          [text],
        )
        if (hit.rows.length > 0) found.push(table)
      }
      return found
    } finally {
      await client.end()
    }
  }
}
