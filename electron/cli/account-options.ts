import type { CliIo } from './cli-io';

/** The options that name one account on the command line (`positions`, `watch`), and their help. */
export const accountOptions = {
  venue: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  'api-secret-file': { type: 'string' },
  password: { type: 'string' },
  'password-file': { type: 'string' },
  address: { type: 'string' },
} as const;

/** The environment variables a secret may come from instead of the command line. */
export const secretEnv = { secret: 'LIQLENS_API_SECRET', passphrase: 'LIQLENS_API_PASSPHRASE' } as const;

/** One line per account option, for `--help`. */
export const accountOptionHelp: { readonly [K in keyof typeof accountOptions]: string } = {
  venue: "the account's venue: binance-usdm, bybit-linear, okx-swap or hyperliquid",
  'base-url': "the venue's base URL (testnet or simulator) instead of its own hosts",
  'api-key': 'a read-only API key',
  'api-secret': `its secret (seen by every local user in the process list: prefer ${secretEnv.secret}, --api-secret-file or the prompt)`,
  'api-secret-file': 'a file holding the secret (its first line)',
  password: `its passphrase (OKX; prefer ${secretEnv.passphrase} or --password-file)`,
  'password-file': 'a file holding the passphrase (its first line)',
  address: 'the account address (Hyperliquid)',
};

/** What the account options carry for the two secrets. */
type SecretValues = {
  readonly [K in 'api-secret' | 'api-secret-file' | 'password' | 'password-file']?: string | undefined;
};

/** The key's secret and passphrase as found, and the warnings to print once the command goes ahead. */
export interface AccountSecrets {
  readonly secret: string | undefined;
  readonly passphrase: string | undefined;
  readonly warnings: readonly string[];
}

/**
 * Finds the secret and the passphrase: from the command line (with a warning: every local user sees
 * a process's arguments), a file (`--api-secret-file`, `--password-file`: the first line), the
 * environment (`LIQLENS_API_SECRET`, `LIQLENS_API_PASSPHRASE`), or, for the secret, a prompt on a
 * terminal. Rejects with a one-line reason when a file cannot be read.
 */
export async function readAccountSecrets(
  values: SecretValues,
  io: CliIo,
  options: { readonly needsPassphrase: boolean },
): Promise<AccountSecrets> {
  const env = io.env ?? process.env;
  const warnings: string[] = [];
  const one = async (
    flag: 'api-secret' | 'password',
    variable: string,
    what: string,
    prompt: boolean,
  ): Promise<string | undefined> => {
    const inline = values[flag];
    if (inline !== undefined) {
      warnings.push(
        `--${flag}: every user of this machine can read it in the process list; use ${variable} or --${flag}-file instead.`,
      );
      return inline;
    }
    const file = values[`${flag}-file`];
    if (file !== undefined) {
      const text = await io.readFile(file).catch((error: unknown) => {
        throw new Error(
          `--${flag}-file: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`,
        );
      });
      return text.split(/\r?\n/)[0]?.trim() || undefined;
    }
    const fromEnv = env[variable];
    if (fromEnv) return fromEnv;
    return prompt && io.promptSecret ? ((await io.promptSecret(`${what}: `)) ?? undefined) : undefined;
  };
  const secret = await one('api-secret', secretEnv.secret, 'API secret', true);
  const passphrase = await one('password', secretEnv.passphrase, 'Passphrase', options.needsPassphrase);
  return { secret, passphrase, warnings };
}
