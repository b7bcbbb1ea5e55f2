// The two text libraries ship no types; only what the suggestion pipeline calls is declared.

declare module 'snowball-stemmers' {
  interface SnowballStemmer {
    stem(word: string): string
  }
  const snowball: { newStemmer(language: string): SnowballStemmer; algorithms(): string[] }
  export default snowball
}

declare module 'stopword' {
  /** The Dutch list (ISO 639-3 code), lower case. */
  export const nld: string[]
}
