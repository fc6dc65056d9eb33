import { createReadStream, fstatSync, openSync, closeSync, realpathSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The Content-Security-Policy of every page the web host serves (the renderer needs no remote origin). */
export const webContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves a file of the built renderer from `root`; paths that escape `root` or do not exist get a
 * 404. Unknown paths without an extension fall back to index.html (client-side routes). The file's
 * real path (symlinks resolved) must lie inside `root`'s real path, so a link out of the build
 * folder is refused. The file is opened once and its size read from that descriptor, so a file
 * removed or replaced meanwhile (a rebuild) gives a 404, never a crash; a read error later cuts the
 * response off, and never reaches the process.
 */
export function serveStatic(root: string, pathname: string, response: ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    relative = '';
  }
  if (relative === '/' || relative === '' || !extname(relative)) relative = '/index.html';
  const base = resolve(root);
  const filePath = normalize(join(base, relative));
  if (!filePath.startsWith(base + sep)) return notFound(response);
  let fd: number;
  let size: number;
  try {
    const realBase = realpathSync(base);
    if (!realpathSync(filePath).startsWith(realBase + sep)) return notFound(response);
    fd = openSync(filePath, 'r');
  } catch {
    return notFound(response);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return notFound(response);
    }
    size = stat.size;
  } catch {
    closeSync(fd);
    return notFound(response);
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(filePath)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Content-Security-Policy': webContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': extname(filePath) === '.html' ? 'no-store' : 'public, max-age=3600',
  });
  const stream = createReadStream(filePath, { fd, autoClose: true });
  // The headers are out: a read error can only cut the body short (the client sees a short read).
  stream.on('error', () => response.destroy());
  response.on('close', () => stream.destroy());
  stream.pipe(response);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Not found');
}
