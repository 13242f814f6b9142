import { contextBridge, ipcRenderer } from 'electron'
import { buildFactdeskApi } from '@contract/bridge'
import { CHANNELS } from '@contract/channels'
import { isShellMessage, SHELL_COMMAND_CHANNEL, type FactdeskShell, type ShellMessage } from '@contract/shell'

// `window.factdesk`: one function per contract channel and nothing else of Electron or Node.
contextBridge.exposeInMainWorld(
  'factdesk',
  buildFactdeskApi(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
)

// `window.factdeskShell`: menu commands and files opened from the OS. A command that arrives
// before the renderer subscribes (a file double-clicked to launch the app) waits for it.
const listeners = new Set<(message: ShellMessage) => void>()
const waiting: ShellMessage[] = []
ipcRenderer.on(SHELL_COMMAND_CHANNEL, (_event, message: unknown) => {
  if (!isShellMessage(message)) return
  const clean: ShellMessage =
    message.argument === undefined ? { command: message.command } : { command: message.command, argument: message.argument }
  if (listeners.size === 0) waiting.push(clean)
  for (const listener of listeners) listener(clean)
})
const shell: FactdeskShell = {
  onCommand: (listener) => {
    listeners.add(listener)
    for (const message of waiting.splice(0)) listener(message)
    return () => {
      listeners.delete(listener)
    }
  },
}
contextBridge.exposeInMainWorld('factdeskShell', shell)
