import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy, isExternalLink, secureSession, secureWebContents } from './security';

vi.mock('electron', () => ({}));

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** A webContents that keeps its listeners and window-open handler for the test to drive. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  /** Fires `name` like Electron does and says whether the default action was prevented. */
  const fire = (name: string, url = ''): boolean => {
    let prevented = false;
    emitter.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

function secured(mayNavigate: (url: string) => boolean = () => false) {
  const fake = fakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  secureWebContents(fake.contents, { mayNavigate, openExternal });
  return { ...fake, openExternal };
}

describe('secureWebContents()', () => {
  it('blocks navigation and redirects away from the app', () => {
    const { fire } = secured();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('lets the dev server page reload itself when allowed', () => {
    const { fire } = secured((url) => url.startsWith('http://localhost:5173/'));
    expect(fire('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(fire('will-navigate', 'http://localhost:9999/')).toBe(true);
  });

  it('denies every new window and sends only http(s) links to the system browser', () => {
    const { open, openExternal } = secured();
    expect(open('https://www.binance.com/en/futures')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('smb://host/share')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.binance.com/en/futures'], ['http://example.com/']]);
  });

  it('prevents <webview> from attaching', () => {
    expect(secured().fire('will-attach-webview')).toBe(true);
  });
});

describe('isExternalLink()', () => {
  it.each([
    ['https://example.com/', true],
    ['HTTP://EXAMPLE.COM/', true],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => expect(isExternalLink(url)).toBe(expected));
});

/** A session that records the handlers it was given. */
function fakeSession() {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (contents: unknown, permission: string) => boolean;
  type Headers = { responseHeaders?: Record<string, string[]> };
  type HeadersHandler = (details: Headers, callback: (response: Headers) => void) => void;
  const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersHandler } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    webRequest: { onHeadersReceived: (handler: HeadersHandler) => (handlers.headers = handler) },
  };
  return { session: session as unknown as Session, handlers };
}

describe('secureSession()', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'denies the %s permission when asked and when checked',
    (permission) => {
      const { session, handlers } = fakeSession();
      secureSession(session);
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission)).toBe(false);
    },
  );

  it('sets the CSP header on every response, replacing one the server sent', () => {
    const { session, handlers } = fakeSession();
    secureSession(session);
    const callback = vi.fn();
    handlers.headers?.(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [buildContentSecurityPolicy()] },
    });
  });
});

describe('buildContentSecurityPolicy()', () => {
  it('allows only the app itself in production', () => {
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('adds the dev server origin and its HMR socket in development', () => {
    const policy = buildContentSecurityPolicy('http://localhost:5173/');
    expect(policy).toContain("default-src 'self' http://localhost:5173;");
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173;");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('*');
  });
});
