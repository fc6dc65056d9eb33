import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the built preload and renderer sit, found from the folder of the built main (`out/main`). */
export interface BuiltPaths {
  /** The sandboxed preload, bundled to one CommonJS file. */
  readonly preload: string;
  /** The renderer's entry page. */
  readonly rendererIndex: string;
}

/** Where the window loads the renderer from. */
export type RendererLocation =
  { readonly kind: 'dev'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

/** The folder of the module whose `import.meta.url` is given (for the built main: `out/main`). */
export function moduleDir(moduleUrl: string): string {
  return dirname(fileURLToPath(moduleUrl));
}

/** Paths of the build outputs next to `mainDir`; they match electron.vite.config.ts. */
export function builtPaths(mainDir: string): BuiltPaths {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
  };
}

/**
 * The dev server (`ELECTRON_RENDERER_URL`, set by `electron-vite dev`) or the built page. The
 * variable is ignored in a packaged app and unless it points at this machine, so an environment
 * variable can never make the window (and its preload API) load a remote page.
 */
export function rendererLocation(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
  rendererIndex: string,
): RendererLocation {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devUrl && isLoopbackHttpUrl(devUrl)) return { kind: 'dev', url: devUrl };
  return { kind: 'file', path: rendererIndex };
}

/**
 * A predicate that is true only for the app's own renderer page: the dev server's origin in
 * development, otherwise exactly the built `index.html` (query and hash ignored).
 */
export function appUrlMatcher(location: RendererLocation): (url: string) => boolean {
  if (location.kind === 'dev') {
    const origin = new URL(location.url).origin;
    return (url) => parseUrl(url)?.origin === origin;
  }
  const page = pathToFileURL(location.path);
  return (url) => {
    const parsed = parseUrl(url);
    return parsed?.protocol === 'file:' && parsed.host === page.host && parsed.pathname === page.pathname;
  };
}

function isLoopbackHttpUrl(text: string): boolean {
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
