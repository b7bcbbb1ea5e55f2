import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import nl from './nl.json'

export const UI_LANGUAGES = ['nl', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

const STORAGE_KEY = 'oogst.language'

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value)
}

/** Dutch unless the person chose English on this device before: most participants read Dutch. */
function initialLanguage(): UiLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (isUiLanguage(stored)) return stored
  } catch {
    // Storage can be blocked (private mode, strict settings); the default is fine then.
  }
  return 'nl'
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'nl'
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language)
}

// Screen readers pick their voice from <html lang>, so keep it in step with the UI language.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  react: { useSuspense: false },
  initAsync: false,
})

document.documentElement.lang = currentLanguage()

export default i18next
