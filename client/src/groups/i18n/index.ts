import i18next from 'i18next'
import en from './en.json'
import nl from './nl.json'

/**
 * Texts about groups of people in a round (issue 18), under `peopleGroups.`: "groepje" here,
 * never "groep", which is a group of notes (docs/glossary.md; tests/unit/glossary.test.ts).
 */
i18next.addResourceBundle('nl', 'translation', nl, true, false)
i18next.addResourceBundle('en', 'translation', en, true, false)
