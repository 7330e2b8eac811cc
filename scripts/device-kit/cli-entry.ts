// The device kit's `mixscope` command: bin/mixscope.mjs without tsx, bundled as app/mixscope.mjs.
import { main } from '../../src-main/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
