// Piscina loads this plain-JavaScript file in every pool thread. Loader hooks are per thread, so it
// registers tsx here first (as persistence/sqliteThreaded.ts does for the storage thread); the
// TypeScript tasks then load the same way under vitest, tsx and `npm start`.
import { register } from 'tsx/esm/api'

register()
const { runTask } = await import('./tasks.ts')

export default runTask
