import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('uses LIQLENS_DATA_DIR when set', () => {
    expect(resolveDataDir({ LIQLENS_DATA_DIR: '/tmp/x' }, 'linux', '/home/u')).toBe('/tmp/x');
  });

  it.each([
    ['linux', {}, '/home/u/.config/LiqLens'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/LiqLens'],
    ['darwin', {}, '/home/u/Library/Application Support/LiqLens'],
  ] as const)('uses the platform user-data folder on %s', (platform, env, expected) => {
    expect(resolveDataDir(env, platform, '/home/u')).toBe(expected);
  });

  it('ignores a blank override', () => {
    expect(resolveDataDir({ LIQLENS_DATA_DIR: '  ' }, 'linux', '/home/u')).toBe('/home/u/.config/LiqLens');
  });
});
