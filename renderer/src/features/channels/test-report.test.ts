import { describe, expect, it } from 'vitest';
import { testLines } from './test-report';

describe('test button lines', () => {
  it('names every channel with what it did, and offers to allow the browser where permission is missing', () => {
    const lines = testLines(
      {
        outcomes: [
          { channel: 'log', ok: true, detail: 'written to the host log (no desktop here)' },
          { channel: 'telegram', ok: true, detail: 'delivered' },
          { channel: 'discord', ok: false, detail: 'failed: 401 Invalid Webhook Token' },
        ],
      },
      true,
      'default',
    );
    expect(lines.map((line) => `${line.channel}: ${line.text}`)).toEqual([
      'toast: shown',
      'browser: permission not granted',
      'host log: written to the host log (no desktop here)',
      'Telegram: delivered',
      'Discord: failed: 401 Invalid Webhook Token',
    ]);
    expect(lines.filter((line) => line.allowBrowser).map((line) => line.channel)).toEqual(['browser']);
  });

  it('leaves the browser out in the desktop app and says when the core could not be asked', () => {
    const lines = testLines(new Error('Not connected to LiqLens right now; retrying.'), true, null);
    expect(lines.map((line) => line.channel)).toEqual(['toast', 'LiqLens core']);
    expect(lines[1]).toMatchObject({ ok: false, text: 'Not connected to LiqLens right now; retrying.' });
  });
});
