import { afterAll, describe } from 'vitest'
import { createMemoryPersistence } from '../../server/src/persistence/memory'
import { createPostgresPersistence } from '../../server/src/persistence/postgres'
import { createSqlitePersistence } from '../../server/src/persistence/sqlite'
import { createThreadedSqlitePersistence } from '../../server/src/persistence/sqliteThreaded'
import { DATABASE_URL, dropSchema, freshSchema, servicesAvailable } from '../helpers/services'
import { tempDataDir } from '../helpers/testServer'
import { persistenceContract } from './persistence.contract'
import { postgresTablesMentioning, sqliteTablesMentioning } from './persistenceRows'

persistenceContract('memory', async () => ({ store: createMemoryPersistence() }))

persistenceContract('sqlite on a worker thread (the default)', async () => {
  const dir = tempDataDir()
  return {
    store: await createThreadedSqlitePersistence(dir),
    reopen: () => createThreadedSqlitePersistence(dir),
    tablesMentioning: sqliteTablesMentioning(dir),
  }
})

persistenceContract('sqlite', async () => {
  const dir = tempDataDir()
  return {
    store: createSqlitePersistence(dir),
    reopen: async () => createSqlitePersistence(dir),
    tablesMentioning: sqliteTablesMentioning(dir),
  }
})

describe.skipIf(!servicesAvailable.postgres)('postgres', () => {
  const schemas: string[] = []
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema)
  })
  persistenceContract('postgres', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const open = () =>
      createPostgresPersistence({ connectionString: DATABASE_URL, schema, maxConnections: 3 })
    return { store: await open(), reopen: open, tablesMentioning: postgresTablesMentioning(schema) }
  })
})
