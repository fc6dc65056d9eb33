import type { ChannelKind, ChannelSetup, ChannelView, ChannelsView } from '../../../../shared/ipc/views/channels';

/** What the form for one channel holds while the user types. */
export interface ChannelDraft {
  readonly enabled: boolean;
  /** A new secret; empty keeps the stored one. */
  readonly secret: string;
  readonly chatId: string;
  readonly apiBase: string;
  readonly server: string;
  readonly topic: string;
}

/** The form for a channel as stored (the secret field starts empty: secrets never come back). */
export function draftOf(view: ChannelView | undefined): ChannelDraft {
  const fields = view?.fields ?? {};
  return {
    enabled: view?.enabled ?? false,
    secret: '',
    chatId: fields['chatId'] ?? '',
    apiBase: fields['apiBase'] ?? '',
    server: fields['server'] ?? '',
    topic: fields['topic'] ?? '',
  };
}

/** What each channel's secret is called on screen. */
export const secretLabels: Record<ChannelKind, string> = {
  telegram: 'Bot token',
  discord: 'Webhook URL',
  ntfy: 'Access token (optional)',
  webhook: 'URL',
};

/** The setup to send for a draft; blank optional fields and a blank secret are left out. */
export function setupOf(kind: ChannelKind, draft: ChannelDraft): ChannelSetup {
  const secret = draft.secret.trim();
  const optional = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });
  switch (kind) {
    case 'telegram':
      return {
        kind,
        enabled: draft.enabled,
        chatId: draft.chatId.trim(),
        ...optional('apiBase', draft.apiBase),
        ...optional('botToken', secret),
      };
    case 'discord':
      return { kind, enabled: draft.enabled, ...optional('webhookUrl', secret) };
    case 'ntfy':
      return {
        kind,
        enabled: draft.enabled,
        topic: draft.topic.trim(),
        ...optional('server', draft.server),
        ...optional('token', secret),
      };
    case 'webhook':
      return { kind, enabled: draft.enabled, ...optional('url', secret) };
  }
}

/** The settings' line on where channel secrets are kept, truthfully for this mode (as the core reports it). */
export function secretStorageNote(storage: ChannelsView['secretStorage']): string {
  return storage === 'keychain'
    ? 'Alerts also go here, rate-limited and retried; secrets (bot tokens, webhook URLs) are stored encrypted in the system keychain.'
    : 'Alerts also go here, rate-limited and retried. Web mode keeps their secrets (bot tokens, webhook URLs) in memory only, never on disk: after LiqLens restarts, each channel shows "Secret needed" and sends nothing until its secret is given again.';
}

/** What a channel's status line starts with: its stored secret's hint, "Secret needed" when it is gone, or "not set". */
export function secretStateText(view: ChannelView | undefined): string {
  if (view?.secretNeeded) return 'Secret needed';
  return view?.secretHint ? `configured ${view.secretHint}` : 'not set';
}
