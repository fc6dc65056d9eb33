import type { Session, WebContents } from 'electron';

/**
 * The Content-Security-Policy sent with every response. The renderer needs no remote origin (all
 * market data comes through the core), so everything is `'self'`. In development the Vite dev
 * server's origin and its HMR WebSocket are added, with the inline script and styles Vite injects;
 * `devServerUrl` is never set in a packaged app.
 */
export function buildContentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const origin = dev ? ` ${dev.origin}` : '';
  const socket = dev ? ` ${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  const inline = dev ? " 'unsafe-inline'" : '';
  return [
    `default-src 'self'${origin}`,
    `script-src 'self'${origin}${inline}`,
    `style-src 'self'${origin}${inline}`,
    `img-src 'self' data:${origin}`,
    `font-src 'self'${origin}`,
    `connect-src 'self'${origin}${socket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** True for links the system browser may open: http and https only (never file:, javascript: or custom schemes). */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Session-wide rules: every permission (camera, notifications, clipboard, geolocation...) is
 * refused, both when a page asks and when it checks, and every response carries the CSP header.
 * The renderer's index.html has the same policy as a meta tag, because file:// pages get no headers.
 */
export function secureSession(session: Session, devServerUrl?: string): void {
  const policy = buildContentSecurityPolicy(devServerUrl);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

/** What `secureWebContents` needs besides the contents. */
export interface NavigationRules {
  /** Navigation allowed in place: the app's own page in development (HMR reloads), nothing in production. */
  readonly mayNavigate: (url: string) => boolean;
  /** Opens a link in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => Promise<void>;
}

/**
 * Locks down one webContents: no navigation away from the app, no new windows (http(s) links go
 * to the system browser instead), no <webview>. Applied to every webContents the app creates.
 */
export function secureWebContents(contents: WebContents, rules: NavigationRules): void {
  const blockNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!rules.mayNavigate(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => blockNavigation(event, event.url));
  contents.on('will-redirect', (event) => blockNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A failed hand-off to the browser is not the page's business; there is nothing to recover.
    if (isExternalLink(url)) rules.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
