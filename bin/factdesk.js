#!/usr/bin/env node
// The `factdesk` command runs the TypeScript sources directly through tsx, so it works in the
// repository right after `npm install`, without a build step. The layers' import aliases come from
// the repository's tsconfig, whatever folder the command is run in.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import('../src/cli/index.ts')
