import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/contract/csp'

/** The production CSP goes into index.html at build time; the dev server needs inline styles for HMR. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'factdesk-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  }
}

// The layers import each other by alias (@domain, @contract, @engine), declared once in tsconfig.base.json.
const resolveLayers = { tsconfigPaths: true }

export default defineConfig({
  main: {
    resolve: resolveLayers,
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Worker threads (src/engine/workers.ts), each loaded from its file beside index.js: every
          // import runs in one, and the claim memory's library index lives in another.
          'import-worker': resolve('src/engine/import/worker-entry.ts'),
          'memory-worker': resolve('src/engine/memory/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: resolveLayers,
    build: {
      // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    resolve: resolveLayers,
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
