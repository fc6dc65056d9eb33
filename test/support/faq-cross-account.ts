/**
 * The Binance FAQ cross account as `liqlens risk` reads it: ETHUSDT and BTCUSDT longs on one
 * wallet (shared/risk/testdata/liquidation-vectors.json, `bn-usdm-faq-cross-eth-with-btc`, holds
 * the venue's own figures for it).
 */
export const faqCrossAccount = {
  venue: 'binance-usdm',
  positionMode: 'oneway',
  walletBalance: 1535443.01,
  positions: [
    {
      symbol: 'ETHUSDT',
      side: 'long',
      marginMode: 'cross',
      size: 3683.979,
      entryPrice: 1456.84,
      markPrice: 1335.18,
      leverage: 10,
      tiers: [{ floor: 0, cap: null, mmr: 0.1, deduction: 135365 }],
    },
    {
      symbol: 'BTCUSDT',
      side: 'long',
      marginMode: 'cross',
      size: 109.488,
      entryPrice: 32481.98,
      markPrice: 31967.27,
      leverage: 10,
      tiers: [{ floor: 0, cap: null, mmr: 0.025, deduction: 16300 }],
    },
  ],
};
