export { createOkxRoute, okxRoute, type OkxRouteOptions } from './okx-route';
export { okxClientUrls, type OkxClientUrls } from './client-urls';
