import i18next from 'i18next'
import en from './en.json'
import nl from './nl.json'

/**
 * The session and facilitator texts, kept next to the code that uses them and added to the app's
 * one translation namespace (the keys live under `session.` and `facilitator.`).
 */
i18next.addResourceBundle('nl', 'translation', nl, true, false)
i18next.addResourceBundle('en', 'translation', en, true, false)
