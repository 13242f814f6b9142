const NEUTRAL = '#6e7781'

/**
 * The scale colour, or a neutral grey if it is not a plain "#rrggbb": colours go into CSS and SVG
 * attributes, where only this form is known to be inert.
 */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : NEUTRAL
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance of a "#rrggbb" colour. */
export function luminance(colour: string): number {
  const hex = safeColour(colour)
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)
}

/** Black or white, whichever contrasts more with the background (WCAG contrast ratio). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background)
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff'
}
