import type { AlertConfigInput } from '../../../shared/alerts';
import { quantile, round } from './stats';

/** The most overrides a configuration may hold (`alertConfigSchema`). */
const maxOverrides = 1000;

/**
 * Allowed configurations of 1,000 overrides in the shapes that cost the most to check: all on one
 * account (each position's rules merge every account-wide one), per symbol, both sides of one symbol,
 * and a mix over the accounts the core really watches (so the engine re-resolves live positions).
 */
export function heavyConfigs(accountIds: readonly string[]): readonly AlertConfigInput[] {
  const first = accountIds[0] ?? 'bench-account';
  const levels = (index: number) => ({ levels: { warning: 0.5 + index / 1_000_000 } });
  return [
    {
      overrides: Array.from({ length: maxOverrides }, (_unused, i) => ({
        accountId: first,
        rules: { marginRatio: levels(i) },
      })),
    },
    {
      overrides: Array.from({ length: maxOverrides }, (_unused, i) => ({
        accountId: first,
        symbol: `SYM${i}USDT`,
        rules: { distance: { levels: { warning: 0.2 } } },
      })),
    },
    {
      overrides: Array.from({ length: maxOverrides }, (_unused, i) => ({
        accountId: first,
        symbol: 'BTCUSDT',
        side: i % 2 === 0 ? ('long' as const) : ('short' as const),
        rules: { stale: { afterMs: 20_000 + i } },
      })),
    },
    {
      overrides: Array.from({ length: maxOverrides }, (_unused, i) => ({
        accountId: accountIds[i % Math.max(1, accountIds.length)] ?? first,
        ...(i % 2 === 0 ? {} : { symbol: `SYM${i % 50}USDT` }),
        rules: { marginRatio: levels(i), cascade: { minCount: 3 + (i % 5) } },
      })),
    },
  ];
}

/**
 * Time to save an alert configuration in the core (validate, store, swap the engine, re-evaluate):
 * each heavy shape saved `repeats` times. `configSetMs` is the median of the slowest shape,
 * `configSetMaxMs` the slowest single save (a busy machine shows here).
 */
export async function measureConfigSet(
  setConfig: (config: AlertConfigInput) => Promise<unknown>,
  accountIds: readonly string[],
  repeats = 7,
): Promise<{ configSetMs: number; configSetMaxMs: number }> {
  let worstMedian = 0;
  let worst = 0;
  for (const config of heavyConfigs(accountIds)) {
    const samples: number[] = [];
    for (let run = 0; run < repeats; run += 1) {
      const startMs = performance.now();
      await setConfig(config);
      samples.push(performance.now() - startMs);
    }
    worstMedian = Math.max(worstMedian, quantile(samples, 0.5));
    worst = Math.max(worst, ...samples);
  }
  await setConfig({});
  return { configSetMs: round(worstMedian, 2), configSetMaxMs: round(worst, 2) };
}
