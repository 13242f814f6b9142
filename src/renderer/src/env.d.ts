/// <reference types="vite/client" />
import type { FactdeskApi } from '@contract/api'

declare global {
  interface Window {
    /** Set by the preload (desktop) or the e2e bridge; absent in the browser edition. */
    factdesk?: FactdeskApi
  }
}
