import { join } from 'node:path';
import { z } from 'zod';
import { ManualPositionSchema, maxManualPositions } from '../../../shared/ipc/contract';
import { AccountVenueSchema, type AccountVenue } from '../../../shared/domain/account-venue';
import { saveFailure } from '../storage/disk-io';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';

/** What LiqLens remembers about a connected account: never its keys (those live in the SecretStore). */
export const AccountRecordSchema = z
  .object({
    id: z.string().min(1).max(128),
    label: z.string().min(1).max(64),
    venue: AccountVenueSchema,
    kind: z.enum(['api-key', 'address', 'manual']),
    /** Replaces the venue's hosts (testnet, simulator); absent for production. */
    baseUrl: z.string().max(256).optional(),
    /** Hyperliquid accounts: the public address. */
    address: z.string().max(64).optional(),
    /** Manual accounts: the positions typed in and the cross wallet behind them. */
    manual: z
      .object({
        walletBalance: z.number().nonnegative(),
        positions: z.array(ManualPositionSchema).min(1).max(maxManualPositions),
      })
      .strict()
      .optional(),
    createdAtMs: z.number().int().nonnegative(),
  })
  .strict();
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** How many accounts the list holds at most; adding one more is refused, never written (a longer file would not load). */
export const maxAccounts = 100;

/** The schema of `accounts.json`. */
export const AccountsFileSchema = z
  .object({ version: z.literal(1), accounts: z.array(AccountRecordSchema).max(maxAccounts) })
  .strict();

/** The words of the refusal when the list is full. */
export const accountsFullMessage = `LiqLens keeps at most ${maxAccounts} accounts: remove one before adding another.`;

/** The persisted list of accounts, in `accounts.json` of the data folder. */
export interface AccountRegistry {
  list(): readonly AccountRecord[];
  /** Saves a new account; throws `accountsFullMessage` when the list already holds `maxAccounts`. */
  add(record: AccountRecord): void;
  remove(id: string): boolean;
  /** A problem found when the file was opened (it was damaged and moved aside). */
  readonly problem: string | undefined;
}

/**
 * Opens the account list in `dataDir`; every change is written atomically at once, and `add`/`remove`
 * throw ("Disk full: could not save the account list; nothing changed…") without changing the list
 * when the write fails.
 */
export function openAccountRegistry(dataDir: string, nowMs: number): AccountRegistry {
  const filePath = join(dataDir, 'accounts.json');
  const read = readJsonFile(filePath, AccountsFileSchema, { version: 1, accounts: [] }, nowMs, 'account list');
  let accounts: readonly AccountRecord[] = read.value.accounts;
  // The list in memory changes only once the file holds it: a failed save (a full disk) leaves no
  // phantom account that the next successful save would write.
  const save = (next: readonly AccountRecord[]): void => {
    try {
      writeJsonFileAtomic(filePath, { version: 1, accounts: next });
    } catch (error) {
      throw saveFailure('the account list', error);
    }
    accounts = next;
  };
  return {
    problem: read.problem?.message,
    list: () => accounts,
    add(record) {
      if (accounts.length >= maxAccounts) throw new Error(accountsFullMessage);
      save([...accounts, record]);
    },
    remove(id) {
      const next = accounts.filter((account) => account.id !== id);
      if (next.length === accounts.length) return false;
      save(next);
      return true;
    },
  };
}

/** A short, unique id for a new account of `venue`. */
export function newAccountId(venue: AccountVenue, nowMs: number, existing: readonly AccountRecord[]): string {
  const base = `${venue}-${nowMs.toString(36)}`;
  let id = base;
  for (let n = 2; existing.some((account) => account.id === id); n += 1) id = `${base}-${n}`;
  return id;
}
