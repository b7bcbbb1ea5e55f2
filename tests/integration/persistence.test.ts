import { createMemoryPersistence } from '../../server/src/persistence/memory'
import { createSqlitePersistence } from '../../server/src/persistence/sqlite'
import { tempDataDir } from '../helpers/testServer'
import { persistenceContract } from './persistence.contract'

persistenceContract('memory', async () => ({ store: createMemoryPersistence() }))

persistenceContract('sqlite', async () => {
  const dir = tempDataDir()
  return { store: createSqlitePersistence(dir), reopen: async () => createSqlitePersistence(dir) }
})
