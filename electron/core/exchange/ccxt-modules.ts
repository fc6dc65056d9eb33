import type * as Ccxt from 'ccxt';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ccxtIds, type CcxtId } from './venues/venue-profile';

/**
 * The ccxt.pro classes of the venues LiqLens reads, and ccxt's error classes, each loaded from its own
 * file. ccxt's package entry imports every exchange it ships (over a hundred): measured with ccxt
 * 4.5.84, 42 MB of heap and 121 MB resident after loading it, against 13 MB and 79 MB for these four,
 * and a quarter of the load time. That heap is what every full garbage collection of a long-running
 * core walks again. ccxt's `exports` map names only its entry, so the files are found beside the
 * entry's resolved path: they are the very files the entry imports (`js/src/pro/<id>.js`,
 * `js/src/base/errors.js`), so each class is the same object either way (ccxt-modules.test.ts checks
 * it against the entry, so a ccxt release that moves them fails there, not in a user's app).
 */

/** The constructor of a ccxt.pro exchange. */
export type ProExchangeClass = (typeof Ccxt.pro)[CcxtId];

/** ccxt's error classes that errors.ts and adapter.ts tell apart. */
export type CcxtErrors = Pick<
  typeof Ccxt,
  | 'AuthenticationError'
  | 'DDoSProtection'
  | 'ExchangeError'
  | 'InvalidNonce'
  | 'NetworkError'
  | 'NotSupported'
  | 'RateLimitExceeded'
  | 'RequestTimeout'
>;

/** ccxt's own source folder (`js/src`), found from the entry its `exports` map resolves to for require. */
function ccxtSourceFolder(): string {
  // require resolves the entry to `<package>/dist/ccxt.cjs`; the ES modules are in `<package>/js/src`.
  const entry = createRequire(import.meta.url).resolve('ccxt');
  return join(dirname(entry), '..', 'js', 'src');
}

const source = ccxtSourceFolder();
const load = (file: string): Promise<unknown> => import(pathToFileURL(join(source, file)).href);
const [errorsModule, ...classModules] = await Promise.all([
  load('base/errors.js'),
  ...ccxtIds.map((id) => load(`pro/${id}.js`)),
]);

/** The ccxt.pro exchange class of each venue id, as `ccxt.pro[id]`. */
export const proExchanges = Object.fromEntries(
  ccxtIds.map((id, index) => [id, (classModules[index] as { default: ProExchangeClass }).default]),
) as Readonly<Record<CcxtId, ProExchangeClass>>;

/** ccxt's error classes, as `ccxt.NetworkError` and the rest. */
export const ccxtErrors = errorsModule as CcxtErrors;
