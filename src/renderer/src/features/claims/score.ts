import { useTranslation } from 'react-i18next'
import { scoreDecimals } from '@domain/claims/ranking'

/**
 * A check-worthiness score as the checker's language writes a percentage ("99.916%" in English, "99,916%" in Ukrainian),
 * with as many decimals as formatScore shows, so close proposals still read apart.
 */
export function useScoreFormat(): (score: number) => string {
  const { i18n } = useTranslation()
  return (score) => {
    const digits = scoreDecimals(score)
    return new Intl.NumberFormat(i18n.language, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(score)
  }
}
