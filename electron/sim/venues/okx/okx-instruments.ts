import { venueRulesOf } from '../../market/instruments';
import type { SimContractTier, SimInstrument, SimMarket, SimVenueRules } from '../../market/types';
import { decimalsOf, decimalText, stepText } from '../common/decimal-text';

/** OKX's id of a USDT swap: 'BTC-USDT-SWAP'. */
export function okxInstId(instrument: SimInstrument): string {
  return `${instrument.base}-${instrument.quote}-SWAP`;
}

/** The instrument family / underlying: 'BTC-USDT'. */
export function okxFamily(instrument: SimInstrument): string {
  return `${instrument.base}-${instrument.quote}`;
}

/** The instrument with this instId, if listed. */
export function findOkxInstrument(market: SimMarket, instId: string): SimInstrument | undefined {
  return market.instruments.find((instrument) => okxInstId(instrument) === instId);
}

/** OKX's margin rules of an instrument: contract value, contract-count tiers, taker fee. */
export function okxRules(
  instrument: SimInstrument,
): SimVenueRules & { readonly contractTiers: readonly SimContractTier[] } {
  const rules = venueRulesOf(instrument, 'okx-swap');
  return { ...rules, contractTiers: rules.contractTiers ?? [] };
}

/** The lot size in contracts: the instrument's base step expressed in contracts. */
export function okxLotSize(instrument: SimInstrument): number {
  return Number((instrument.stepSize / okxRules(instrument).contractValue).toPrecision(12));
}

/** Base units to contracts, as text on the lot grid. */
export function contractsText(instrument: SimInstrument, baseSize: number): string {
  const lot = okxLotSize(instrument);
  return decimalText(Math.round(baseSize / okxRules(instrument).contractValue / lot) * lot, decimalsOf(lot));
}

/** One `GET /api/v5/public/instruments?instType=SWAP` row. */
export function okxInstrumentRow(instrument: SimInstrument, listTimeMs: number): Record<string, unknown> {
  const rules = okxRules(instrument);
  const lot = okxLotSize(instrument);
  const lotText = decimalText(lot, decimalsOf(lot));
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    uly: okxFamily(instrument),
    instFamily: okxFamily(instrument),
    baseCcy: '',
    quoteCcy: '',
    settleCcy: instrument.quote,
    ctVal: decimalText(rules.contractValue, 12),
    ctMult: '1',
    ctValCcy: instrument.base,
    ctType: 'linear',
    optType: '',
    stk: '',
    listTime: String(listTimeMs),
    contTdSwTime: String(listTimeMs),
    expTime: '',
    lever: decimalText(rules.contractTiers[0]?.maxLeverage ?? instrument.maxLeverage, 2),
    tickSz: stepText(instrument.tickSize, instrument.tickSize),
    lotSz: lotText,
    minSz: lotText,
    maxLmtSz: '100000000',
    maxMktSz: '10000',
    maxLmtAmt: '20000000',
    maxMktAmt: '',
    maxTwapSz: '100000000',
    maxIcebergSz: '100000000',
    maxTriggerSz: '100000000',
    maxStopSz: '10000',
    ruleType: 'normal',
    alias: '',
    state: 'live',
    category: '1',
    instIdCode: 1000 + (findIndexSeed(instrument.symbol) % 9000),
  };
}

/**
 * The `GET /api/v5/public/position-tiers` rows: tiers by position size in contracts. `maxSz` is
 * inclusive; the next tier starts one contract above it (OKX lists 0–500, 501–1000, ...). The
 * last, open-ended tier is printed with ten times the previous cap. The same tiers serve both
 * margin modes.
 */
export function okxTierRows(instrument: SimInstrument): Record<string, unknown>[] {
  const tiers = okxRules(instrument).contractTiers;
  let previousMax = 0;
  return tiers.map((tier, index) => {
    const maxSz = Number.isFinite(tier.maxContracts) ? tier.maxContracts : Math.max(previousMax * 10, 1_000_000);
    const row = {
      uly: okxFamily(instrument),
      instFamily: okxFamily(instrument),
      instId: '',
      tier: String(tier.tier),
      minSz: index === 0 ? '0' : decimalText(previousMax + 1, 8),
      maxSz: decimalText(maxSz, 8),
      mmr: decimalText(tier.maintenanceMarginRate, 6),
      imr: decimalText(1 / tier.maxLeverage, 6),
      maxLever: decimalText(tier.maxLeverage, 2),
      optMgnFactor: '0',
      quoteMaxLoan: '',
      baseMaxLoan: '',
    };
    previousMax = maxSz;
    return row;
  });
}

/** A stable small number from a symbol (instIdCode). */
function findIndexSeed(symbol: string): number {
  let hash = 0;
  for (const char of symbol) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}
