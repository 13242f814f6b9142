#!/usr/bin/env node
// The `factdesk` command runs the TypeScript sources directly through tsx, so it works in the
// repository right after `npm install`, without a build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/index.ts')
