import type { AnalysedText } from './text'

/**
 * TF-IDF vectors of a set of notes, in two parts: word stems (the meaning) and character
 * n-grams (typos, compounds, plural forms the stemmer leaves). Each part is normalised on its
 * own, so a short note's few n-grams cannot drown its one word.
 */

export type SparseVector = Map<string, number>

export interface NoteVectors {
  words: SparseVector[]
  grams: SparseVector[]
  /** Inverse document frequency per stem, reused for group names. */
  wordIdf: Map<string, number>
}

function inverseFrequencies(documents: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const terms of documents) {
    for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  const idf = new Map<string, number>()
  const n = documents.length
  for (const [term, df] of counts) idf.set(term, Math.log((1 + n) / (1 + df)) + 1)
  return idf
}

/** Sublinear term frequency times idf, scaled to length 1 (an empty note stays empty). */
function weigh(terms: readonly string[], idf: Map<string, number>): SparseVector {
  const tf = new Map<string, number>()
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1)
  const vector: SparseVector = new Map()
  let norm = 0
  for (const [term, count] of tf) {
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? 0)
    vector.set(term, weight)
    norm += weight * weight
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm)
  return vector
}

export function vectorise(texts: readonly AnalysedText[]): NoteVectors {
  const wordIdf = inverseFrequencies(texts.map((t) => t.stems))
  const gramIdf = inverseFrequencies(texts.map((t) => t.grams))
  return {
    words: texts.map((t) => weigh(t.stems, wordIdf)),
    grams: texts.map((t) => weigh(t.grams, gramIdf)),
    wordIdf,
  }
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) {
    const other = large.get(term)
    if (other !== undefined) dot += weight * other
  }
  return dot
}

/**
 * Pairwise similarity in [0, 1], a row-major n×n matrix: a weighted mean of the word and the
 * n-gram cosine. `wordWeight` says how much the stems count against the spelling.
 */
export function similarityMatrix(vectors: NoteVectors, wordWeight: number): Float64Array {
  const { words, grams } = vectors
  const n = words.length
  const matrix = new Float64Array(n * n)
  const empty: SparseVector = new Map()
  for (let i = 0; i < n; i++) {
    matrix[i * n + i] = 1
    for (let j = i + 1; j < n; j++) {
      const similarity =
        wordWeight * cosine(words[i] ?? empty, words[j] ?? empty) +
        (1 - wordWeight) * cosine(grams[i] ?? empty, grams[j] ?? empty)
      matrix[i * n + j] = similarity
      matrix[j * n + i] = similarity
    }
  }
  return matrix
}
