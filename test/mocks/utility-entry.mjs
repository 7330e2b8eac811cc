// A utility process's entry under Node: `process.parentPort` over the IPC channel (messages arrive
// as { data }, as Electron delivers them), argv as the entry would see it, TypeScript through tsx.
import { register } from 'tsx/esm/api';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
process.argv.splice(1, 2, entry);
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, handler) => process.on(event, (data) => handler({ data })),
};
process.on('disconnect', () => process.exit(0));
register();
await import(pathToFileURL(entry).href);
