import type { SimAccount, SimInstrument } from '../../market/types';
import type { SimKeyPermissions } from '../../server/sim-keys';
import { isHedgeMode, positionFigures, type BinancePositionFigures } from './binance-positions';

/** The wallet asset of every simulated USDS-M account (single-asset mode). */
export const walletAsset = 'USDT';

/** Everything the account payloads need about one account at one moment. */
export interface AccountView {
  readonly account: SimAccount;
  readonly instruments: readonly SimInstrument[];
  readonly permissions: SimKeyPermissions;
  /** Market time, epoch ms (the venue's updateTime). */
  readonly nowMs: number;
}

/** Binance's figures for every position of the account (LONG/SHORT sides when it is in hedge mode). */
export function figuresOf(view: AccountView): BinancePositionFigures[] {
  const hedge = isHedgeMode(view.account);
  return view.account.positions.map((position) =>
    positionFigures(
      position,
      view.instruments.find((i) => i.symbol === position.symbol),
      hedge,
    ),
  );
}
