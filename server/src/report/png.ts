import { Resvg } from '@resvg/resvg-js'
import { FONT_FILES } from './fonts'

/**
 * SVG → PNG with resvg (Rust, prebuilt in the npm package: no browser, no system libraries).
 * System fonts are not loaded at all: every machine renders the same picture with the bundled
 * fonts, and a server without fonts still draws text.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width)) },
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.oblique, FONT_FILES.emoji],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  })
  const rendered = resvg.render()
  return rendered.asPng()
}

/** Width and height of a PNG, read from its header (for placing it in DOCX and PDF). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
