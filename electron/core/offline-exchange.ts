import type { CoreExchange } from './create-core';
import { GatewayError } from './exchange/gateway-error';

/**
 * Exchange access for a host that must never reach a network (fuzz and unit tests, offline tools):
 * every gateway the core asks for is refused with `reason`, so adding an account, opening a market
 * or watching a position's mark fails loudly with that one line instead of dialling a venue.
 * No Demo is started.
 */
export function offlineExchange(reason: string): CoreExchange {
  return {
    createGateway: (config) => {
      throw new GatewayError('unsupported', `${reason} (${config.venue} was not contacted)`);
    },
  };
}
