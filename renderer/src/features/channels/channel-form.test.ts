import { describe, expect, it } from 'vitest';
import type { ChannelView } from '../../../../shared/ipc/views/channels';
import { secretStateText, secretStorageNote } from './channel-form';

const telegram = (patch: Partial<ChannelView>): ChannelView => ({
  kind: 'telegram',
  enabled: true,
  configured: true,
  secretHint: '••••77ab',
  secretNeeded: false,
  fields: { chatId: '123456789' },
  status: null,
  queued: 0,
  ...patch,
});

describe('the channel settings say where secrets are and when one is gone', () => {
  it('names the keychain on the desktop and memory-only with its consequence in web mode', () => {
    expect(secretStorageNote('keychain')).toContain('stored encrypted in the system keychain');
    expect(secretStorageNote('keychain')).not.toContain('memory');
    const web = secretStorageNote('memory');
    expect(web).toContain('in memory only, never on disk');
    expect(web).toContain('after LiqLens restarts, each channel shows "Secret needed"');
    expect(web).not.toContain('keychain');
  });

  it('shows the stored hint, "Secret needed" once the secret is gone, and "not set" without a channel', () => {
    expect(secretStateText(telegram({}))).toBe('configured ••••77ab');
    expect(secretStateText(telegram({ configured: false, secretHint: null, secretNeeded: true }))).toBe(
      'Secret needed',
    );
    expect(secretStateText(undefined)).toBe('not set');
    expect(secretStateText(telegram({ configured: false, secretHint: null, enabled: false }))).toBe('not set');
  });
});
