import type { ReactNode } from 'react';
import { EmptyState, Panel } from './Panel';

/**
 * The trader's workspace: the chart takes the room, positions and what-if sit beside it, alerts
 * below. Panels show designed empty states until their features have data.
 */
export function Workspace({ positions }: { readonly positions: ReactNode }) {
  return (
    <main className="workspace" aria-label="Workspace">
      <Panel title="Chart" area="chart">
        <EmptyState heading="No market selected">
          Mark-price candles with your entry, break-even and liquidation lines, and the estimated liquidation clusters of
          everyone else, appear here once an account or the Demo market is connected.
        </EmptyState>
      </Panel>
      <Panel title="Positions" area="positions">
        {positions}
      </Panel>
      <Panel title="What-if" area="whatif">
        <EmptyState heading="Select a position">
          Drag leverage, add or remove collateral, or close part of a position and watch the liquidation price move.
        </EmptyState>
      </Panel>
      <Panel title="Alerts" area="alerts">
        <EmptyState heading="No alerts">
          Margin-ratio, distance and cluster alerts appear here and as desktop notifications.
        </EmptyState>
      </Panel>
    </main>
  );
}
