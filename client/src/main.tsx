import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles/base.css'
import './styles/landing.css'
import './styles/board.css'
import './styles/templates.css'
import './styles/boardTools.css'
import './styles/canvasTools.css'
import { App } from './App'
import { registerServiceWorker } from './sync/serviceWorker/register'

const root = document.getElementById('root')
if (!root) throw new Error('index.html is missing #root')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
