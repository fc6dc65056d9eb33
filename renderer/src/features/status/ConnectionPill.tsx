import type { ConnectionState } from '../../lib/connection';

const labels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  lost: 'Connection lost — retrying',
};

/** The link to the core at a glance: colour and words, announced to screen readers on change. */
export function ConnectionPill({ state }: { readonly state: ConnectionState }) {
  return (
    <span
      className={`pill pill--${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      <span className="pill__dot" aria-hidden="true" />
      {labels[state]}
    </span>
  );
}
