/**
 * Preloaded with `--import` into a process whose module loading a test inspects: records every
 * module the process resolves (ES modules through a hook, CommonJS through `require`) and writes
 * the sorted list, one URL a line, to the file `LIQLENS_MODULE_LIST` names when the process exits.
 */
import { writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const listFile = process.env['LIQLENS_MODULE_LIST'];
if (!listFile) throw new Error('LIQLENS_MODULE_LIST must name the file to write the module list to');
const loaded = new Set<string>();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url: string) => loaded.add(url));
port1.unref(); // the recording must not keep the process alive
register(new URL('./module-loads-hook.ts', import.meta.url), { data: { port: port2 }, transferList: [port2] });

// CommonJS packages (conf's ajv, for one) load through require, which the hook above does not see.
const moduleApi = createRequire(import.meta.url)('node:module') as {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean) => string;
};
const load = moduleApi._load;
moduleApi._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  const file = moduleApi._resolveFilename(request, parent, isMain);
  loaded.add(file.startsWith('/') ? pathToFileURL(file).href : file);
  return exported;
};

process.on('exit', () => writeFileSync(listFile, [...loaded].sort().join('\n') + '\n'));
