import i18next from 'i18next'
import en from './en.json'
import nl from './nl.json'

/** The texts of "Groepen voorstellen" (keys under `suggest.`), added to the app's one namespace. */
i18next.addResourceBundle('nl', 'translation', nl, true, false)
i18next.addResourceBundle('en', 'translation', en, true, false)
