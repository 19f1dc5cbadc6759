#!/usr/bin/env node
// Launcher of the `arc-ttt` command line: runs the TypeScript sources through tsx, so the CLI
// always matches the code in the tree (no separate build step to forget).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../main/cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
