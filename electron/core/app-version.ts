import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Name and version from the project's package.json (found relative to this file's folder). */
export function readAppVersion(packageJsonUrl: URL = new URL('../../package.json', import.meta.url)): {
  name: string;
  version: string;
} {
  const data = JSON.parse(readFileSync(fileURLToPath(packageJsonUrl), 'utf8')) as {
    productName?: unknown;
    version?: unknown;
  };
  return {
    name: typeof data.productName === 'string' ? data.productName : 'LiqLens',
    version: typeof data.version === 'string' ? data.version : '0.0.0',
  };
}
