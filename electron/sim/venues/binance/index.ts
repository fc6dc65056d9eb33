export { binanceRoute, createBinanceRoute, type BinanceRouteOptions } from './binance-route';
export { binanceClientUrls, type BinanceClientUrls } from './client-urls';
