#!/usr/bin/env node
// The `mixscope` command: runs the TypeScript CLI under plain Node (no Electron, no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
