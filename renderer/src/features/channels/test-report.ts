import { channelNames, type TestReport } from '../../../../shared/ipc/views/channels';

/** One line of the test button's answer: which channel, whether it worked, and what happened. */
export interface TestLine {
  readonly channel: string;
  readonly ok: boolean;
  readonly text: string;
  /** The line offers to ask the browser for permission. */
  readonly allowBrowser?: boolean;
}

/** What the browser did with the test: shown, or why not (web mode only). */
export type BrowserTest = 'shown' | 'default' | 'denied' | 'unsupported';

const browserLines: Record<BrowserTest, Omit<TestLine, 'channel'>> = {
  shown: { ok: true, text: 'shown' },
  default: { ok: false, text: 'permission not granted', allowBrowser: true },
  denied: { ok: false, text: "blocked: allow notifications for this site in the browser's settings" },
  unsupported: { ok: false, text: 'this browser has no notifications' },
};

const hostNames: Record<'desktop' | 'log', string> = { desktop: 'desktop', log: 'host log' };

function nameOf(channel: TestReport['outcomes'][number]['channel']): string {
  return channel === 'desktop' || channel === 'log' ? hostNames[channel] : channelNames[channel];
}

/**
 * The lines the test button shows: the in-app toast, the browser's notification (web mode; absent
 * in the desktop app, where the desktop line covers it), then each channel the core drove, or the
 * reason the core could not be asked.
 */
export function testLines(report: TestReport | Error, toastShown: boolean, browser: BrowserTest | null): TestLine[] {
  const lines: TestLine[] = [{ channel: 'toast', ok: toastShown, text: toastShown ? 'shown' : 'not shown' }];
  if (browser !== null) lines.push({ channel: 'browser', ...browserLines[browser] });
  if (report instanceof Error) return [...lines, { channel: 'LiqLens core', ok: false, text: report.message }];
  return [
    ...lines,
    ...report.outcomes.map((outcome) => ({ channel: nameOf(outcome.channel), ok: outcome.ok, text: outcome.detail })),
  ];
}
