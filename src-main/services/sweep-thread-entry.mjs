// Sweep thread entry: TypeScript sources run through tsx's loader (plain Node, no build step).
import { register } from 'tsx/esm/api';

register();
await import('./sweep-thread-entry.ts');
