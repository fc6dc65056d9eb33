import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text } from '../raw';
import { binanceCollateral } from './binance-usdm-collateral';
import type { ModeSource } from './mode-source';

/**
 * Binance USDS-M account modes (docs/research/account-modes.md §2, §5.1, §7): `GET
 * /fapi/v1/multiAssetsMargin` says single-asset or Multi-Assets. A Portfolio Margin key is refused
 * on fapi with -2015 (an auth error): then `GET /papi/v1/account` answers, and every later call goes
 * through papi (ccxt's `portfolioMargin` param). Gauges: Multi-Assets account margin ratio =
 * totalMaintMargin / totalMarginBalance of the account answer; Portfolio Margin `uniMMR`. ADL:
 * `adlQuantile` 0–4 from its own endpoint (fapi, or papi `um/adlQuantile`). Multi-Assets collateral:
 * binance-usdm-collateral.ts.
 */
export const binanceModes: ModeSource = {
  async detect(raw) {
    try {
      const answer = await raw('fapiPrivateGetMultiAssetsMargin', {});
      const multi = rowOf(answer)['multiAssetsMargin'] === true;
      return {
        mode: multi ? 'binance-multi-assets' : 'binance-single-asset',
        options: { portfolioMargin: false },
        answer,
        spotQuoteTotal: null,
      };
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind !== 'auth') throw error;
      // A key papi refuses too is a bad key: report fapi's refusal, the one the user's settings name.
      const answer = await raw('papiGetAccount', {}).catch(() => Promise.reject(error));
      return { mode: 'binance-portfolio', options: { portfolioMargin: true }, answer, spotQuoteTotal: null };
    }
  },
  gauge(mode, balanceInfo, modeAnswer) {
    if (mode === 'binance-portfolio') return num(rowOf(modeAnswer)['uniMMR']);
    const info = rowOf(balanceInfo);
    const maintenance = num(info['totalMaintMargin']);
    const balance = num(info['totalMarginBalance']);
    return maintenance === null || balance === null || balance <= 0 ? null : maintenance / balance;
  },
  adlScale: { min: 0, max: 4 },
  collateral: binanceCollateral,
  adlEndpoint: {
    rawMethod: (mode) => (mode === 'binance-portfolio' ? 'papiGetUmAdlQuantile' : 'fapiPrivateGetAdlQuantile'),
    read(answer, symbol, leg) {
      const row = rowOf(listOf(answer).find((entry) => text(rowOf(entry)['symbol']) === symbol));
      return num(rowOf(row['adlQuantile'])[leg]);
    },
  },
};
