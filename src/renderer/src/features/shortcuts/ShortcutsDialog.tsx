import { Dialog } from '../../components/Dialog'
import { chordLabel, KEYMAP } from './keymap'
import { useTranslation } from 'react-i18next'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('project.shortcuts')} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {KEYMAP.map((binding) => (
            <tr key={binding.id}>
              <td>
                {binding.chords.map(chordLabel).map((k, i) => (
                  <span key={k}>
                    {i > 0 && t('shortcuts.or')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.${binding.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
