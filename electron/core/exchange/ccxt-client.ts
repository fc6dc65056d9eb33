import type { Exchange } from 'ccxt';
import { proExchanges } from './ccxt-modules';
import { createExactThrottler } from './exact-throttler';
import { guardWsSends } from './ws-send-guard';
import type { GatewayConfig } from './gateway';
import { trimBase, wsBaseOf, type VenueProfile } from './venues/venue-profile';

/** Default per-request timeout, ms. */
export const defaultTimeoutMs = 10_000;

/** Sets `target[path[0]]...[path[n-1]] = value`, creating objects on the way (ccxt's nested url tables). */
function setPath(target: Record<string, unknown>, path: readonly string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Record<string, unknown> =
    typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : {};
  target[head] = child;
  setPath(child, rest, value);
}

/**
 * A ccxt.pro client for one venue (the pro class also serves REST): credentials, options, `has`
 * switches and, when a base URL is configured, every REST and WebSocket url of the profile
 * replaced under it. Secrets stay inside the ccxt instance; nothing here logs them.
 */
export function createCcxtClient(profile: VenueProfile, config: GatewayConfig): Exchange {
  const credentials = config.credentials;
  const auth: Record<string, string> = {};
  if (credentials !== null && 'apiKey' in credentials) {
    auth['apiKey'] = credentials.apiKey;
    auth['secret'] = credentials.secret;
    if (credentials.password !== undefined) auth['password'] = credentials.password;
  } else if (credentials !== null && 'address' in credentials) {
    auth['walletAddress'] = credentials.address;
  }
  const exchange: Exchange = new proExchanges[profile.ccxtId]({
    ...auth,
    enableRateLimit: true,
    timeout: config.timeoutMs ?? defaultTimeoutMs,
    options: { ...profile.options },
  });
  for (const flag of profile.hasOff) exchange.has[flag] = false;
  guardWsSends(exchange);
  // The venue's rate, waited for with one timer per waiting request instead of ccxt's 1 ms polling.
  const bucket = exchange.tokenBucket;
  exchange.throttler = createExactThrottler({
    refillRate: bucket['refillRate'] ?? 1,
    capacity: bucket['capacity'] ?? 1,
    cost: bucket['cost'] ?? 1,
  });
  if (config.baseUrl !== undefined) {
    const base = trimBase(config.baseUrl);
    const api = exchange.urls.api as Record<string, unknown>;
    for (const [key, path] of Object.entries(profile.restUrlKeys)) api[key] = `${base}${path}`;
    setPath(api, profile.wsUrl.key, `${wsBaseOf(base)}${profile.wsUrl.path}`);
  }
  return exchange;
}

/** Whether the client's streams use plain `ws://` (ccxt then needs its proxy-agent module loaded first). */
export function usesPlainWs(config: GatewayConfig): boolean {
  return config.baseUrl !== undefined && wsBaseOf(config.baseUrl).startsWith('ws://');
}
