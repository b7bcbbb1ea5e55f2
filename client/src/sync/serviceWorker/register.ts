/**
 * Registers the service worker that keeps the app shell for offline use. Production builds only
 * (Vite's dev server serves modules one by one; caching them would only confuse). Browsers allow
 * service workers on https and on localhost; on plain http elsewhere the board still works offline
 * once open (IndexedDB), but a reload then needs the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline shell (blocked by the browser or a policy); everything else keeps working.
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
