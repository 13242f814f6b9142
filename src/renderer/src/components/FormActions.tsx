import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface FormActionsProps {
  /** The submit button's label: what the form does ("Save settings"). */
  submitLabel: string
  /** Shows a Cancel button that calls this; without it there is none. */
  onCancel?: () => void
  disabled?: boolean
  /** Further buttons, placed before Cancel. */
  children?: ReactNode
}

/** The row that ends every form: Cancel, then the primary submit button. */
export function FormActions({ submitLabel, onCancel, disabled, children }: FormActionsProps) {
  const { t } = useTranslation()
  return (
    <div className="form-actions">
      {children}
      {onCancel && (
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="button-primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  )
}
