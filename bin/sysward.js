#!/usr/bin/env node
// The `sysward` command. Runs the compiled CLI; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const compiled = join(root, 'dist', 'server', 'cli.js');
if (!existsSync(compiled)) {
  console.error('sysward: not built yet. Run `npm run build` first, or use `npm run sysward -- <command>`.');
  process.exit(1);
}
await import(pathToFileURL(compiled).href);
