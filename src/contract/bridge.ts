import type { FactdeskApi } from './api'

/**
 * Builds the `window.factdesk` object from the channel list and one invoke function: the preload
 * passes ipcRenderer.invoke, the renderer's HTTP transport passes fetch, the e2e bridge passes a
 * Playwright binding. The body is self-contained (no outer references) so tests can serialise it
 * into the page with addInitScript.
 */
export function buildFactdeskApi(channels: readonly string[], invoke: (channel: string, input: unknown) => Promise<unknown>): FactdeskApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [domain = '', verb = ''] = channel.split(':')
    const group = (api[domain] ??= {})
    group[verb] = (input?: unknown) => invoke(channel, input ?? {})
  }
  return api as unknown as FactdeskApi
}
