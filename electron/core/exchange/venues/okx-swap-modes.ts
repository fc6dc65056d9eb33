import type { AccountModeId } from '../../../../shared/domain/account-mode';
import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text } from '../raw';
import type { ModeSource } from './mode-source';

/** `acctLv` of `GET /api/v5/account/config` (docs/research/account-modes.md §1, §5.3, §5.4). */
const byAccountLevel: Readonly<Record<string, AccountModeId>> = {
  '1': 'okx-spot',
  '2': 'okx-futures',
  '3': 'okx-multi-currency',
  '4': 'okx-portfolio',
};

/**
 * OKX account levels: `acctLv` 1 spot, 2 futures, 3 multi-currency, 4 portfolio. Gauge: the
 * account-level `mgnRatio` of the balance (adjusted equity / (maintenance + fees), a plain ratio;
 * liquidation at or below 1). ADL: each position's `adl` 1–5.
 */
export const okxModes: ModeSource = {
  async detect(raw) {
    const answer = await raw('privateGetAccountConfig', {});
    const level = text(rowOf(listOf(rowOf(answer)['data'])[0])['acctLv']);
    const mode = byAccountLevel[level];
    if (mode === undefined) throw new GatewayError('exchange', `OKX reports an unknown account level "${level}".`);
    return { mode, options: {}, answer, spotQuoteTotal: null };
  },
  gauge: (_mode, balanceInfo) => num(rowOf(listOf(rowOf(balanceInfo)['data'])[0])['mgnRatio']),
  adlScale: { min: 1, max: 5 },
  collateral: null,
  adlEndpoint: null,
};
