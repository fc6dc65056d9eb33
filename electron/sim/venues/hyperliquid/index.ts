export { hyperliquidRoute } from './hyperliquid-route';
export { hyperliquidClientUrls, type HyperliquidClientUrls } from './client-urls';
export { accountByAddress, isUserAddress } from './hyperliquid-accounts';
