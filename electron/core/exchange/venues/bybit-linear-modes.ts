import type { AccountModeId } from '../../../../shared/domain/account-mode';
import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text } from '../raw';
import { bybitCollateral } from './bybit-linear-collateral';
import type { ModeSource } from './mode-source';

/** `marginMode` of `GET /v5/account/info` (docs/research/account-modes.md §1, §3, §5.2). */
const byMarginMode: Readonly<Record<string, AccountModeId>> = {
  ISOLATED_MARGIN: 'bybit-unified-isolated',
  REGULAR_MARGIN: 'bybit-unified-cross',
  PORTFOLIO_MARGIN: 'bybit-portfolio',
};

/**
 * Bybit unified trading account modes: `GET /v5/account/info` `marginMode`. Gauge: the wallet's
 * `accountMMRate` (a fraction; liquidation at 1). ADL: each position's `adlRankIndicator` 0–5.
 * Cross-margin collateral coins: bybit-linear-collateral.ts.
 */
export const bybitModes: ModeSource = {
  async detect(raw) {
    const answer = await raw('privateGetV5AccountInfo', {});
    const marginMode = text(rowOf(rowOf(answer)['result'])['marginMode']);
    const mode = byMarginMode[marginMode];
    if (mode === undefined) throw new GatewayError('exchange', `Bybit reports an unknown margin mode "${marginMode}".`);
    return { mode, options: {}, answer, spotQuoteTotal: null };
  },
  gauge(_mode, balanceInfo) {
    const account = rowOf(listOf(rowOf(rowOf(balanceInfo)['result'])['list'])[0]);
    return num(account['accountMMRate']);
  },
  adlScale: { min: 0, max: 5 },
  collateral: bybitCollateral,
  adlEndpoint: null,
};
