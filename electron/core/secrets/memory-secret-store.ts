import type { SecretStore } from '../ports';

/**
 * Secrets held in memory only: web mode's default, so a key typed into a browser session is gone
 * when the host stops. `initial` lets a home-server user supply keys by environment.
 */
export function createMemorySecretStore(initial: Readonly<Record<string, string>> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    persistent: false,
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
    has: async (key) => values.has(key),
  };
}
