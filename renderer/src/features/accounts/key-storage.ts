import type { AppInfo } from '../../../../shared/ipc/views/app';

/** Where keys are kept, as the core reports it (`app:info`). */
export type KeyStorage = AppInfo['keyStorage'];

/** The secret field's hint: where the key goes, truthfully for this mode. */
export function keyStorageHint(storage: KeyStorage): string {
  return storage === 'keychain'
    ? 'Stored encrypted in the system keychain by the core; never shown to this window again.'
    : 'Kept in memory by LiqLens only, never on disk: forgotten when LiqLens stops (the account then asks for it again). Never shown to this window again.';
}

/** The accounts list's note in web mode, where keys do not survive a restart; null where they do. */
export function keyStorageNote(storage: KeyStorage): string | null {
  return storage === 'memory'
    ? 'Web mode keeps API keys in memory only: after LiqLens restarts, key accounts show "Key needed" until their key is given again.'
    : null;
}
