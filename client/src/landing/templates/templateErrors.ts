import type { TFunction } from 'i18next'
import { errorMessageKey } from '../../api/boardsApi'
import { ApiError } from '../../api/http'

/** Plain words for what went wrong with a template request. */
export function templateErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    // The server names the problem in the file ("zones[2].title.nl: is missing"); show it.
    if (error.code === 'invalid_template') return t('templates.importInvalid', { message: error.message })
    if (error.code === 'body_too_large' || error.status === 413) return t('templates.importTooLarge')
    if (error.code === 'bad_json') return t('templates.importInvalid', { message: error.message })
    if (error.status === 403 || error.status === 401) return t('templates.notYours')
    if (error.status === 404) return t('errors.templateGone')
  }
  return t(errorMessageKey(error))
}
