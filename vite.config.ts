import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { oogstServiceWorker } from './client/src/sync/serviceWorker/plugin'

// The client is built into dist/client and served by the Oogst server on the same port.
// In development (`npm run dev`) Vite proxies the API and the sync socket to a server on :3000.
// The build also writes sw.js, the offline app shell (client/src/sync/serviceWorker).
export default defineConfig({
  root: 'client',
  plugins: [react(), oogstServiceWorker()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/sync': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
})
