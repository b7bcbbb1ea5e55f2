import type { CreatedBoard } from './boardsApi'
import { ApiError, request } from './http'

/** A picked file that is not an Oogst backup, before the server is even asked. */
export class NotABackupError extends Error {
  constructor() {
    super('not a backup')
    this.name = 'NotABackupError'
  }
}

/** The server takes up to 25 MB (a board with images of its own would still fit). */
const MAX_BACKUP_BYTES = 25 * 1024 * 1024

/**
 * A new board from a JSON backup (the "Back-up (JSON)" download): `POST /api/boards/import`.
 * The file is read and parsed here first, so a photo or a Word file gets a plain answer at once.
 */
export async function restoreBackup(file: File): Promise<CreatedBoard> {
  if (file.size > MAX_BACKUP_BYTES) throw new ApiError(413, 'too_large', 'file too large')
  let parsed: unknown
  try {
    parsed = JSON.parse(await file.text())
  } catch {
    throw new NotABackupError()
  }
  if (typeof parsed !== 'object' || parsed === null) throw new NotABackupError()
  return request<CreatedBoard>('/api/boards/import', { method: 'POST', body: parsed })
}

/** The i18n key that explains why a restore failed, in plain words. */
export function restoreErrorKey(error: unknown): string {
  if (error instanceof NotABackupError) return 'restore.notABackup'
  if (error instanceof ApiError) {
    if (error.code === 'invalid_backup' || error.status === 400) return 'restore.notABackup'
    if (error.status === 413) return 'restore.tooLarge'
    if (error.status === 429) return 'restore.tooMany'
    if (error.code === 'network') return 'restore.offline'
  }
  return 'restore.failed'
}
