import type { Venue } from '../domain/venue';
import type { MarginPool } from './risk-result';
import { venueRules } from './venue-rules';

/**
 * The app's comparable margin ratio: maintenance / equity (Binance "Margin Ratio = Maintenance
 * Margin / Margin Balance", liquidation at 100 %, https://www.binance.com/en/support/faq/liquidation-protocols-360033525271).
 * Null when equity <= 0 (undefined; the position is liquidatable).
 */
export function maintenanceRatio(maintenanceMargin: number, equity: number): number | null {
  return equity > 0 ? maintenanceMargin / equity : null;
}

/**
 * The venue's own ratio. OKX inverts it: `mgnRatio = equity / (MM + fee)`, liquidation at <= 1
 * (https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules); null when the requirement is 0.
 * Other venues: as `maintenanceRatio`.
 */
export function venueRatio(venue: Venue, maintenanceMargin: number, equity: number): number | null {
  if (venueRules[venue].venueRatio === 'equity-over-requirement')
    return maintenanceMargin > 0 ? equity / maintenanceMargin : null;
  return maintenanceRatio(maintenanceMargin, equity);
}

/** A margin pool from its equity and requirement. */
export function marginPool(venue: Venue, equity: number, maintenanceMargin: number): MarginPool {
  return {
    equity,
    maintenanceMargin,
    marginRatio: maintenanceRatio(maintenanceMargin, equity),
    venueMarginRatio: venueRatio(venue, maintenanceMargin, equity),
  };
}
