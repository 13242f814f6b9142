import { contextBridge, ipcRenderer } from 'electron'
import { buildFactdeskApi } from '../shared/bridge'
import { CHANNELS } from '../shared/channels'

// `window.factdesk`: one function per contract channel and nothing else of Electron or Node.
contextBridge.exposeInMainWorld(
  'factdesk',
  buildFactdeskApi(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
)
