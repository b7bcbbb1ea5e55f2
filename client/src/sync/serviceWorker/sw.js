/*
 * Oogst's service worker: keeps the app shell (index.html and the hashed build files) so a board
 * opens without a connection. The board content itself comes from IndexedDB (y-indexeddb), the
 * access check from localStorage. API calls and the sync socket are never touched here.
 *
 * The build prepends `const MANIFEST = { version, files }` (see plugin.ts): every file of this
 * build, fetched on install, so the lazily loaded board code is there offline too.
 */

const CACHE_PREFIX = 'oogst-shell-'
const CACHE = `${CACHE_PREFIX}${MANIFEST.version}`
const SHELL = '/index.html'
/** A page load waits this long for the network before the stored shell is used. */
const NAVIGATION_TIMEOUT_MS = 4000

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(MANIFEST.files.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

function fetchWithTimeout(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    fetch(request).then(
      (response) => {
        clearTimeout(timer)
        resolve(response)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/** Pages: the network first (a new version shows at once), the stored shell when it fails. */
async function navigation(request) {
  try {
    const response = await fetchWithTimeout(request, NAVIGATION_TIMEOUT_MS)
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      const cache = await caches.open(CACHE)
      await cache.put(SHELL, response.clone())
    }
    return response
  } catch {
    const cached = await caches.match(SHELL)
    return cached ?? Response.error()
  }
}

/** Hashed build files never change: the stored copy first. */
async function asset(request) {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) {
    const cache = await caches.open(CACHE)
    await cache.put(request, response.clone())
  }
  return response
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  // The API, metrics and the sync socket are always the server's business.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync') || url.pathname === '/metrics')
    return
  if (request.mode === 'navigate') event.respondWith(navigation(request))
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request))
})
