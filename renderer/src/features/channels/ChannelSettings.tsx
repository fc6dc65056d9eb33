import { useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import {
  channelKinds,
  channelNames,
  type ChannelKind,
  type ChannelView,
  type ChannelsView,
} from '../../../../shared/ipc/views/channels';
import { Button, Field } from '../../ui';
import { draftOf, secretLabels, secretStateText, secretStorageNote, setupOf, type ChannelDraft } from './channel-form';
import './channels.css';

/**
 * The notification channels in the alert settings: per channel its fields, its secret (typed, never
 * shown again: "configured ••••abcd"; "Secret needed" once it is gone), on or off, and what its
 * latest delivery did; above them, where this mode keeps the secrets.
 */
export function ChannelSettings({ api, view }: { readonly api: LiqLensApi; readonly view: ChannelsView }) {
  return (
    <section className="channels" aria-label="Notification channels" data-testid="channel-settings">
      <h3 className="channels__heading">Notification channels</h3>
      {/* Said only once the core has answered: before that, where secrets are kept is not known here. */}
      {view.channels.length > 0 && (
        <p className="muted channels__hint" data-testid="channel-secret-storage">
          {secretStorageNote(view.secretStorage)}
        </p>
      )}
      {/* A form starts from what is saved: drawn before the core answered, it would start blank (a
          channel given its secret again would be saved off, without its chat id). */}
      {view.channels.length === 0 ? (
        <p className="muted">Loading channels…</p>
      ) : (
        channelKinds.map((kind) => (
          <ChannelForm key={kind} api={api} kind={kind} view={view.channels.find((channel) => channel.kind === kind)} />
        ))
      )}
    </section>
  );
}

function ChannelForm({
  api,
  kind,
  view,
}: {
  readonly api: LiqLensApi;
  readonly kind: ChannelKind;
  readonly view: ChannelView | undefined;
}) {
  const [draft, setDraft] = useState<ChannelDraft>(() => draftOf(view));
  const [message, setMessage] = useState('');
  const set = (patch: Partial<ChannelDraft>): void => setDraft({ ...draft, ...patch });
  const failed = (error: unknown): void => setMessage(error instanceof Error ? error.message : String(error));
  const save = (): void => {
    api.setChannel(setupOf(kind, draft)).then(() => {
      setDraft({ ...draft, secret: '' });
      setMessage('Saved.');
    }, failed);
  };
  const remove = (): void => {
    api.removeChannel(kind).then(() => {
      setDraft(draftOf(undefined));
      setMessage('Removed.');
    }, failed);
  };
  const configured = secretStateText(view);
  return (
    <form
      className="channel"
      data-testid={`channel-${kind}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset>
        <legend>{channelNames[kind]}</legend>
        <label className="channel__toggle">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => set({ enabled: event.currentTarget.checked })}
          />
          Send alerts here
        </label>
        {kind === 'telegram' && (
          <>
            <Field
              label="Chat id"
              value={draft.chatId}
              onChange={(chatId) => set({ chatId })}
              testId="channel-telegram-chat"
            />
            <Field
              label="Bot API server (optional)"
              value={draft.apiBase}
              placeholder="https://api.telegram.org"
              onChange={(apiBase) => set({ apiBase })}
              testId="channel-telegram-server"
            />
          </>
        )}
        {kind === 'ntfy' && (
          <>
            <Field
              label="Server"
              value={draft.server}
              placeholder="https://ntfy.sh"
              onChange={(server) => set({ server })}
              testId="channel-ntfy-server"
            />
            <Field label="Topic" value={draft.topic} onChange={(topic) => set({ topic })} testId="channel-ntfy-topic" />
          </>
        )}
        <Field
          label={secretLabels[kind]}
          type="password"
          value={draft.secret}
          placeholder={view?.secretNeeded ? 'needed again' : view?.secretHint ? `configured ${view.secretHint}` : ''}
          onChange={(secret) => set({ secret })}
          testId={`channel-${kind}-secret`}
        />
        <div className="channel__actions">
          <Button type="submit" size="sm">
            Save
          </Button>
          {(view?.configured === true || view?.secretNeeded === true) && (
            <Button variant="ghost" size="sm" onClick={remove}>
              Remove
            </Button>
          )}
          <span className="muted" role="status">
            {message}
          </span>
        </div>
        <p
          className={`channel__status channel__status--${view?.secretNeeded ? 'failed' : (view?.status?.state ?? 'none')}`}
          data-testid={`channel-${kind}-status`}
        >
          {configured}
          {view?.status ? ` · ${view.status.detail}` : ''}
          {view && view.queued > 0 ? ` · ${view.queued} waiting` : ''}
        </p>
      </fieldset>
    </form>
  );
}
