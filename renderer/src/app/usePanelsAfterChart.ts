import { useEffect, useState } from 'react';

/**
 * Longest the side panels wait for the chart once the positions are in, ms: a market whose history
 * is slow to come (a first start's backfill, a venue that does not answer) does not hold them back.
 */
export const panelsWaitCapMs = 1500;

/**
 * Whether the side panels (positions, what-if, alerts, market context, accounts) draw yet. They
 * follow the chart: once `chartSettled` (the chart's first snapshot, its error or its backfill
 * progress is in, or there is nothing to chart), after the browser has painted that frame; or
 * `panelsWaitCapMs` after `positionsLoaded`, whichever comes first. Once shown they stay shown.
 * Drawing them in the same frame as the chart's first candles would hold the candles back by
 * their render, style and layout.
 */
export function usePanelsAfterChart(positionsLoaded: boolean, chartSettled: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || !chartSettled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame, then a task: the chart's frame is painted before the panels' render starts.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, chartSettled]);
  useEffect(() => {
    if (shown || !positionsLoaded) return undefined;
    const timer = setTimeout(() => setShown(true), panelsWaitCapMs);
    return () => clearTimeout(timer);
  }, [shown, positionsLoaded]);
  return shown;
}
