import type { Heartbeat } from '../../../../shared/ipc/views/app';

function formatUtc(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(11, 19);
}

/**
 * The core's clock from its heartbeat: proof that live data is flowing. Marked stale (dimmed,
 * struck through, with a tooltip) as soon as the link drops, so a frozen value never looks live.
 */
export function CoreClock({
  heartbeat,
  stale,
}: {
  readonly heartbeat: Heartbeat | undefined;
  readonly stale: boolean;
}) {
  const title = heartbeat
    ? `${stale ? 'Stale: last value before the connection dropped. ' : ''}Core clock (UTC), beat ${heartbeat.seq}, up ${Math.round(heartbeat.uptimeMs / 1000)} s`
    : 'Waiting for the core';
  return (
    <span
      className="core-clock"
      data-testid="core-clock"
      data-stale={stale || undefined}
      data-seq={heartbeat?.seq}
      title={title}
    >
      <span className="core-clock__label">Core</span>
      <span className="core-clock__value">{heartbeat ? `${formatUtc(heartbeat.coreTimeMs)} UTC` : '--:--:--'}</span>
    </span>
  );
}
