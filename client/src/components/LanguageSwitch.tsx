import { useTranslation } from 'react-i18next'
import { currentLanguage, setLanguage, UI_LANGUAGES } from '../i18n'

/** NL / EN toggle. Short labels keep it small on phones; the full name is added for screen readers. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const active = currentLanguage()
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === active}
          onClick={() => void setLanguage(language)}
        >
          {/* The visible code starts the accessible name (speech input: "click NL"). */}
          {language.toUpperCase()}
          <span className="visually-hidden"> {t(`language.${language}`)}</span>
        </button>
      ))}
    </div>
  )
}
