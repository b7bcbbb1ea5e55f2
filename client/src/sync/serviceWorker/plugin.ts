import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

/**
 * Writes `sw.js` next to the built app: the service worker source (sw.js in this folder) with the
 * list of this build's files and a version derived from them, so every new build installs a new
 * worker that fetches exactly the new files and drops the old ones. Build only: in development
 * there is no service worker (registration is skipped too).
 */
export function oogstServiceWorker(): Plugin {
  let outDir = ''
  let root = ''
  return {
    name: 'oogst-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root
      outDir = path.resolve(config.root, config.build.outDir)
    },
    writeBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map') && file !== 'sw.js')
        .sort()
        .map((file) => `/${file}`)
      const hash = createHash('sha256')
      for (const file of files) hash.update(file).update(fs.readFileSync(path.join(outDir, file)))
      const manifest = { version: hash.digest('hex').slice(0, 16), files }
      const source = fs.readFileSync(path.join(root, 'src/sync/serviceWorker/sw.js'), 'utf8')
      fs.writeFileSync(path.join(outDir, 'sw.js'), `const MANIFEST = ${JSON.stringify(manifest)}\n${source}`)
    },
  }
}
