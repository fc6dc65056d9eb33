/**
 * Break-even price of a position: where closing it at market nets zero, counting the taker fee to
 * close (paid on the exit notional). Long: (P − E)·q = f·P·q → P = E / (1 − f); short:
 * (E − P)·q = f·P·q → P = E / (1 + f). Ignores the opening fee (already paid, part of realized
 * PnL on every venue here) and funding. Returns null when the fee is unknown (then the line would
 * sit on the entry line and say nothing) or the input is not a price.
 */
export function breakEvenPrice(
  side: 'long' | 'short',
  entryPrice: number,
  closeFeeRate: number | null | undefined,
): number | null {
  if (
    closeFeeRate === null ||
    closeFeeRate === undefined ||
    !(closeFeeRate >= 0 && closeFeeRate < 1) ||
    !(entryPrice > 0)
  )
    return null;
  return side === 'long' ? entryPrice / (1 - closeFeeRate) : entryPrice / (1 + closeFeeRate);
}
