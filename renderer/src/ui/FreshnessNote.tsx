import { useEffect, useState } from 'react';
import { freshnessText, type Freshness } from '../../../shared/domain/freshness';

/**
 * The one line that says where data stands ("stale · last update 77 s ago · venue not answering: …"),
 * nothing while it is live. It counts the age itself once a second, so only this line re-renders.
 */
export function FreshnessNote({
  freshness,
  className = 'freshness-note',
  testId = 'freshness',
}: {
  readonly freshness: Freshness;
  readonly className?: string;
  readonly testId?: string;
}) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  const live = freshness.state === 'live';
  useEffect(() => {
    if (live) return undefined;
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  if (live) return null;
  return (
    <span className={className} data-testid={testId} data-freshness={freshness.state} role="status">
      {freshnessText(freshness, nowMs)}
    </span>
  );
}
