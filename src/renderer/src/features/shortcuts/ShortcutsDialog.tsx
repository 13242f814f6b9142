import { Dialog } from '../../components/Dialog'
import { chordLabel, KEYMAP } from './keymap'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {KEYMAP.map((binding) => (
            <tr key={binding.description}>
              <td>
                {binding.chords.map(chordLabel).map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{binding.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
