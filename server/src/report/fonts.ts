import { createRequire } from 'node:module'

/**
 * The fonts the PDF and PNG reports are drawn with, shipped as npm packages so the output never
 * depends on what fonts the server happens to have. DejaVu Sans covers Latin (all Dutch
 * diacritics, curly quotes, dashes), Greek, Cyrillic, Hebrew and Arabic letters; Noto Emoji
 * (monochrome) covers the emoji people put on notes, including the five reactions.
 */
const require = createRequire(import.meta.url)

export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  oblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  emoji: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
} as const
