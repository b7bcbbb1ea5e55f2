import type { Bilingual, TemplateEntry } from '../../api/templatesApi'
import type { UiLanguage } from '../../i18n'

/** Text in the UI language, falling back to the other language when a template left it empty. */
export function pick(text: Bilingual, language: UiLanguage): string {
  return text[language]?.trim() || text[language === 'nl' ? 'en' : 'nl']?.trim() || ''
}

export function templateLabel(entry: TemplateEntry, language: UiLanguage): string {
  return pick(entry.labels, language) || entry.id
}

export function templateDescription(entry: TemplateEntry, language: UiLanguage): string {
  return pick(entry.descriptions, language)
}

/**
 * The change that renames a template as the person sees it. Templates saved from a board carry the
 * same text in both languages; those keep doing so. A translated template only changes the
 * language the person is reading, so the other translation is not lost.
 */
export function textPatch(
  entry: TemplateEntry,
  language: UiLanguage,
  next: { label: string; description: string },
): { labels: Partial<Bilingual>; descriptions: Partial<Bilingual> } {
  const both = (old: Bilingual, value: string): Partial<Bilingual> =>
    old.nl === old.en ? { nl: value, en: value } : { [language]: value }
  return { labels: both(entry.labels, next.label), descriptions: both(entry.descriptions, next.description) }
}
