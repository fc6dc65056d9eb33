import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { SecretStore, StoreProblem } from '../core/ports';
import { writeFileDurableAsync } from '../core/storage/disk-io';

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
 * is flushed and then renamed over the old one, so a crash or power cut leaves the old file or the
 * new one, never half of each. A damaged file is set aside as `secrets.corrupt-<time>.json` and
 * reported by `damaged()`: the store goes on empty, so accounts that need no key still open. Writes are queued so two concurrent `set`s cannot lose each other. Storing is refused with
 * a clear error when the OS offers no encryption, rather than falling back to plaintext.
 */
export function createSafeStorageSecretStore(
  filePath: string,
  encryption: Encryption,
  now: () => number = Date.now,
): SecretStore {
  let damage: StoreProblem | undefined;
  /** The entries on disk; a damaged file is set aside (kept, never deleted) and the store goes on empty. */
  const readEntries = async (): Promise<Readonly<Record<string, string>>> => {
    const read = await readSecretsFile(filePath);
    if (read !== 'damaged') return read;
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const backupPath = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
    try {
      await rename(filePath, backupPath);
    } catch (error) {
      // A concurrent read set it aside first.
      if (isMissingFile(error)) return {};
      throw error;
    }
    damage = {
      message: `Your saved keys could not be read (the file is damaged). It was kept as ${backupPath}.`,
      backupPath,
    };
    return {};
  };
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
      const entries = { ...(await readEntries()) };
      if (change(entries)) await writeAtomically(filePath, { version: 1, entries });
    });

  return {
    persistent: true,
    async get(key) {
      const sealed = (await readEntries())[key];
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
    has: async (key) => key in (await readEntries()),
    damaged: () => damage,
  };
}

/** The file's entries: empty when there is no file, `damaged` when it cannot be parsed. */
async function readSecretsFile(filePath: string): Promise<Readonly<Record<string, string>> | 'damaged'> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return {};
    throw error;
  }
  return parseSecretsFile(text) ?? 'damaged';
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

/** Replaces the file durably (flushed, then renamed, folder flushed): a power cut keeps the old file or the new. */
async function writeAtomically(filePath: string, content: SecretsFile): Promise<void> {
  const temporary = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFileDurableAsync(filePath, JSON.stringify(content, null, 2) + '\n', temporary);
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
