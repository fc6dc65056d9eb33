import { describe, expect, it, vi } from 'vitest';
import { appUrlMatcher, builtPaths, rendererLocation } from './app-paths';

vi.mock('electron', () => ({}));

const index = '/opt/LiqLens/out/renderer/index.html';

describe('rendererLocation()', () => {
  it('uses the dev server while developing', () => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false, index)).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
    });
  });

  it.each([
    ['in a packaged app', { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true],
    ['for a remote URL', { ELECTRON_RENDERER_URL: 'https://evil.example/' }, false],
    ['for a file URL', { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false],
    ['when unset', {}, false],
  ])('loads the built page %s', (_name, env, packaged) => {
    expect(rendererLocation(env, packaged, index)).toEqual({ kind: 'file', path: index });
  });
});

describe('appUrlMatcher()', () => {
  it('matches exactly the built index.html in production', () => {
    const isApp = appUrlMatcher({ kind: 'file', path: index });
    expect(isApp('file:///opt/LiqLens/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/LiqLens/out/renderer/index.html#/alerts')).toBe(true);
    expect(isApp('file:///tmp/evil.html')).toBe(false);
    expect(isApp('https://example.com/opt/LiqLens/out/renderer/index.html')).toBe(false);
    expect(isApp('garbage')).toBe(false);
  });

  it('matches the dev server origin in development', () => {
    const isApp = appUrlMatcher({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
  });

  it('finds the build outputs beside out/main', () => {
    expect(builtPaths('/opt/LiqLens/out/main')).toEqual({
      preload: '/opt/LiqLens/out/preload/index.cjs',
      rendererIndex: index,
    });
  });
});
