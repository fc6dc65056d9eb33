import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { createSafeStorageSecretStore, secretsFileName, type Encryption } from './secret-store';

vi.mock('electron', () => ({}));

/** A stand-in for safeStorage: XOR with a key, so the ciphertext shares no bytes with the plaintext. */
function fakeSafeStorage(available = true): Encryption & { isEncryptionAvailable: ReturnType<typeof vi.fn> } {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte, index) => byte ^ ((0x5a + index) % 256)));
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: (plain: string) => xor(Buffer.from(`v10${plain}`, 'utf8')),
    decryptString: (sealed: Buffer) => xor(sealed).toString('utf8').slice(3),
  };
}

const apiSecret = 'sk-live-6f1c0b7e9d2a4c58';

describe('secret store on safeStorage', () => {
  const tempDir = useTempDirs();

  it('round-trips a secret across store instances and keeps the plaintext off disk', async () => {
    const dir = tempDir();
    const file = join(dir, secretsFileName);
    const store = createSafeStorageSecretStore(file, fakeSafeStorage());
    await store.set('binance:main:secret', apiSecret);
    const reopened = createSafeStorageSecretStore(file, fakeSafeStorage());
    expect(await reopened.get('binance:main:secret')).toBe(apiSecret);
    expect(await reopened.has('binance:main:secret')).toBe(true);
    expect(await reopened.get('missing')).toBeUndefined();
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(apiSecret);
    expect(onDisk).not.toContain(Buffer.from(apiSecret).toString('base64'));
    const parsed = JSON.parse(onDisk) as { version: unknown; entries: Record<string, unknown> };
    expect(parsed.version).toBe(1);
    expect(typeof parsed.entries['binance:main:secret']).toBe('string');
  });

  it('deletes a secret and leaves no temporary files behind', async () => {
    const dir = tempDir();
    const store = createSafeStorageSecretStore(join(dir, secretsFileName), fakeSafeStorage());
    await store.set('a', 'first-secret');
    await store.set('b', 'second-secret');
    await store.delete('a');
    expect(await store.has('a')).toBe(false);
    expect(await store.get('b')).toBe('second-secret');
    expect(readdirSync(dir)).toEqual([secretsFileName]);
  });

  it('keeps both of two concurrent writes', async () => {
    const store = createSafeStorageSecretStore(join(tempDir(), secretsFileName), fakeSafeStorage());
    await Promise.all([
      store.set('one', 'secret-one'),
      store.set('two', 'secret-two'),
      store.set('three', 'secret-three'),
    ]);
    expect(await Promise.all(['one', 'two', 'three'].map((key) => store.get(key)))).toEqual([
      'secret-one',
      'secret-two',
      'secret-three',
    ]);
  });

  it('refuses to store anything when the OS offers no encryption, writing nothing', async () => {
    const dir = tempDir();
    const file = join(dir, secretsFileName);
    const store = createSafeStorageSecretStore(file, fakeSafeStorage(false));
    await expect(store.set('k', apiSecret)).rejects.toThrow(/cannot be stored.*no encryption/i);
    expect(existsSync(file)).toBe(false);
  });

  it('sets a damaged secrets file aside, goes on empty and says where the file went', async () => {
    const dir = tempDir();
    const file = join(dir, secretsFileName);
    writeFileSync(file, '{ not json');
    const store = createSafeStorageSecretStore(file, fakeSafeStorage(), () => Date.UTC(2026, 11, 4, 9));
    expect(await store.get('account:a')).toBeUndefined();
    const damage = store.damaged?.();
    expect(damage?.message).toMatch(/saved keys could not be read/);
    expect(damage?.backupPath).toBe(join(dir, 'secrets.corrupt-2026-12-04T09-00-00-000Z.json'));
    expect(readFileSync(damage?.backupPath ?? '', 'utf8')).toBe('{ not json');
    // A key given again is stored in a fresh file and survives a restart.
    await store.set('account:a', apiSecret);
    const reopened = createSafeStorageSecretStore(file, fakeSafeStorage());
    expect(await reopened.get('account:a')).toBe(apiSecret);
    expect(reopened.damaged?.()).toBeUndefined();
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });
});
