export { bybitRoute, createBybitRoute, type BybitRouteOptions } from './bybit-route';
export { bybitClientUrls, type BybitClientUrls } from './client-urls';
