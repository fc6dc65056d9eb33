import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/ports';

/** The part of Electron's `safeStorage` the secret store uses (the OS keychain / DPAPI / libsecret). */
export type Encryption = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/** Base name of the secrets file inside the data folder. */
export const secretsFileName = 'secrets.json';

/** The file's shape: base64 of each value's ciphertext, by key. Plaintext never touches disk. */
interface SecretsFile {
  readonly version: 1;
  readonly entries: Readonly<Record<string, string>>;
}

/**
 * Secrets encrypted with `safeStorage` and kept in `filePath`. Writes go to a temporary file that
 * is then renamed over the old one, so a crash leaves the old file or the new one, never half of
 * each; writes are queued so two concurrent `set`s cannot lose each other. Storing is refused with
 * a clear error when the OS offers no encryption, rather than falling back to plaintext.
 */
export function createSafeStorageSecretStore(filePath: string, encryption: Encryption): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const requireEncryption = (): void => {
    if (!encryption.isEncryptionAvailable()) {
      throw new Error(
        'Secrets cannot be stored: this system offers no encryption for them (no OS keychain is available).',
      );
    }
  };
  const update = (change: (entries: Record<string, string>) => boolean): Promise<void> =>
    serialized(async () => {
      const entries = { ...(await readEntries(filePath)) };
      if (change(entries)) await writeAtomically(filePath, { version: 1, entries });
    });

  return {
    persistent: true,
    async get(key) {
      const sealed = (await readEntries(filePath))[key];
      if (sealed === undefined) return undefined;
      requireEncryption();
      return encryption.decryptString(Buffer.from(sealed, 'base64'));
    },
    async set(key, value) {
      requireEncryption();
      const sealed = encryption.encryptString(value).toString('base64');
      await update((entries) => {
        entries[key] = sealed;
        return true;
      });
    },
    delete: (key) =>
      update((entries) => {
        if (!(key in entries)) return false;
        delete entries[key];
        return true;
      }),
    has: async (key) => key in (await readEntries(filePath)),
  };
}

async function readEntries(filePath: string): Promise<Readonly<Record<string, string>>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return {};
    throw error;
  }
  const entries = parseSecretsFile(text);
  if (!entries) throw new Error(`The saved secrets in ${filePath} could not be read; the file was left untouched.`);
  return entries;
}

function parseSecretsFile(text: string): Record<string, string> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || !('entries' in data)) return undefined;
  const { entries } = data;
  if (typeof entries !== 'object' || entries === null) return undefined;
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value !== 'string') return undefined;
    result[key] = value;
  }
  return result;
}

async function writeAtomically(filePath: string, content: SecretsFile): Promise<void> {
  const temporary = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
