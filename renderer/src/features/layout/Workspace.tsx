import type { ReactNode } from 'react';
import { EmptyState, Panel } from '../../ui';

/** What goes in each area of the workspace. */
export interface WorkspaceProps {
  /** The chart, or null before any position exists to chart. */
  readonly chart: ReactNode;
  readonly positions: ReactNode;
  readonly whatif: ReactNode;
  readonly alerts: ReactNode;
}

/** The trader's workspace: the chart takes the room, what-if beside it, positions and alerts below. */
export function Workspace({ chart, positions, whatif, alerts }: WorkspaceProps) {
  return (
    <main className="workspace" aria-label="Workspace">
      <Panel title="Chart" area="chart">
        {chart ?? (
          <EmptyState heading="No market selected">
            Mark-price candles with your entry, break-even and liquidation lines, and the estimated liquidation clusters
            of everyone else, appear here once an account or the Demo market has a position.
          </EmptyState>
        )}
      </Panel>
      <Panel title="What-if" area="whatif">
        {whatif}
      </Panel>
      <Panel title="Positions" area="positions">
        {positions}
      </Panel>
      <Panel title="Alerts" area="alerts">
        {alerts}
      </Panel>
    </main>
  );
}
