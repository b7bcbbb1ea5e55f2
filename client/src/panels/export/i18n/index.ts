import i18next from 'i18next'
import en from './en.json'
import nl from './nl.json'

/**
 * The export dialog's texts (keys under `export.`), kept next to its code and added to the app's one
 * translation namespace. Imported by the export panel and by the landing page's "board deleted"
 * message, so the keys exist wherever they are used.
 */
i18next.addResourceBundle('nl', 'translation', nl, true, false)
i18next.addResourceBundle('en', 'translation', en, true, false)
