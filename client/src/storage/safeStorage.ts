/**
 * localStorage that never throws: when a browser blocks storage (private mode, strict settings)
 * values live in memory, so a single visit still works.
 */

const memory = new Map<string, string>()

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return memory.get(key) ?? null
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    memory.set(key, value)
  }
}

/** A stored JSON object, or `{}` when missing or unreadable. */
export function readStoredRecord<T>(key: string): Record<string, T> {
  const raw = readStored(key)
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, T>) : {}
  } catch {
    return {}
  }
}
