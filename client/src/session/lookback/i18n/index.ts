import i18next from 'i18next'
import en from './en.json'
import nl from './nl.json'

/** Texts kept next to the code that uses them, added to the app's one translation namespace. */
i18next.addResourceBundle('nl', 'translation', nl, true, false)
i18next.addResourceBundle('en', 'translation', en, true, false)
