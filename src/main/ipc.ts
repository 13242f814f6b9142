import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@contract/channels'
import type { Envelope } from '@domain/errors'
import type { Dispatch } from '@engine/dispatcher'

/**
 * Registers every channel of the contract with one wrapper: the sender frame must be the app's
 * own renderer, the input is parsed by the dispatcher against the channel's schema, and the
 * result is always an envelope, so nothing throws across IPC.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN', message: `${channel} was called from a page that is not Factdesk's own.` },
        })
      }
      return dispatch(channel, input)
    })
  }
}
