import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch'

/** Top bar of the pages around the board: app name home link and the language switch. */
export function PageHeader() {
  const { t } = useTranslation()
  return (
    <header className="page-header">
      <a className="brand" href="/">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </a>
      <LanguageSwitch />
    </header>
  )
}
