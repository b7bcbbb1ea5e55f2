/**
 * Checksums that tell a bank account or citizen service number from any other run of digits, so
 * the report flags "NL91 ABNA 0417 1643 00" and "111222333" but not an order number or an amount.
 */

/** IBAN lengths of the countries people in the Netherlands and Belgium most often write down. */
const IBAN_LENGTHS: Record<string, number> = {
  NL: 18,
  BE: 16,
  DE: 22,
  FR: 27,
  LU: 20,
  GB: 22,
  ES: 24,
  IT: 27,
  PL: 28,
  TR: 26,
  MA: 28,
  PT: 25,
  AT: 20,
  CH: 21,
  IE: 22,
  DK: 18,
  SE: 24,
  NO: 15,
  FI: 18,
}

export const IBAN_MIN_LENGTH = 15
export const IBAN_MAX_LENGTH = 34

/** The length an IBAN of this country has, when we know it. */
export function ibanLength(countryCode: string): number | undefined {
  return IBAN_LENGTHS[countryCode.toUpperCase()]
}

/** ISO 13616: move the first four characters to the end, letters A=10…Z=35, the number mod 97 is 1. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/[\s-]/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false
  if (compact.length < IBAN_MIN_LENGTH || compact.length > IBAN_MAX_LENGTH) return false
  const known = ibanLength(compact.slice(0, 2))
  if (known !== undefined && known !== compact.length) return false
  const rearranged = compact.slice(4) + compact.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char)
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
  }
  return remainder === 1
}

/**
 * The "11-proef" of a burgerservicenummer: 9 digits, 9×d1 + 8×d2 + … + 2×d8 − 1×d9 divisible by 11
 * (and not all zeros).
 */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  sum -= Number(digits[8])
  return sum % 11 === 0
}
