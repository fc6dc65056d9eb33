import type { ReactNode } from 'react';
import { Group, Panel as Pane, Separator, useDefaultLayout } from 'react-resizable-panels';
import { EmptyState, Panel } from '../../ui';
import { useWideLayout } from './useWideLayout';
import './layout.css';

/** What goes in each area of the workspace. */
export interface WorkspaceProps {
  /** The chart, or null before any position exists to chart. */
  readonly chart: ReactNode;
  /** The market context strip, drawn in the chart's title bar (in view at every size, no height taken). */
  readonly context?: ReactNode;
  readonly positions: ReactNode;
  readonly whatif: ReactNode;
  readonly alerts: ReactNode;
}

/** Where the panel sizes are kept between reloads (the renderer's local storage, per layout). */
const layoutKey = (name: string): string => `liqlens:layout:${name}`;

/** A draggable border between two panes; arrow keys move it too (the library's separator role). */
function Handle({ label }: { readonly label: string }) {
  return <Separator className="ws-handle" aria-label={label} />;
}

/**
 * A group of panes whose sizes the user drags and finds again after a reload; until then each pane
 * takes its `defaultSize` (numbers are pixels, strings percentages of the group).
 */
function Split({
  name,
  orientation,
  children,
}: {
  readonly name: string;
  readonly orientation: 'horizontal' | 'vertical';
  readonly children: ReactNode;
}) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: layoutKey(name), storage: localStorage });
  return (
    <Group
      id={`layout-${name}`}
      orientation={orientation}
      className="ws-group"
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
    >
      {children}
    </Group>
  );
}

/**
 * The trader's workspace in resizable panes. A wide window gives the what-if the window's full height
 * beside the chart and the positions (every control in view at 1440x900); a narrower one puts the
 * what-if beside the chart and the positions under both, across the full width, so no column is cut.
 * The chart starts at about two thirds of its column and cannot be dragged below a third.
 */
export function Workspace({ chart, context, positions, whatif, alerts }: WorkspaceProps) {
  const wide = useWideLayout();
  const chartPanel = (
    <Panel title="Chart" area="chart" actions={context}>
      {chart ?? (
        <EmptyState heading="No market selected">
          Mark-price candles with your entry, break-even and liquidation lines, and the estimated liquidation clusters
          of everyone else, appear here once an account or the Demo market has a position.
        </EmptyState>
      )}
    </Panel>
  );
  const side = (
    <Split name="side" orientation="vertical">
      <Pane id="pane-whatif" defaultSize={800} minSize={120}>
        <Panel title="What-if" area="whatif" titleHidden>
          {whatif}
        </Panel>
      </Pane>
      <Handle label="Resize the what-if and alerts" />
      <Pane id="pane-alerts" minSize={34}>
        <Panel title="Alerts" area="alerts">
          {alerts}
        </Panel>
      </Pane>
    </Split>
  );
  const positionsPanel = (
    <Panel title="Positions" area="positions">
      {positions}
    </Panel>
  );
  return (
    <main className="workspace" aria-label="Workspace" data-layout={wide ? 'wide' : 'narrow'}>
      {wide ? (
        <Split key="wide" name="wide" orientation="horizontal">
          <Pane id="pane-main" minSize="50%">
            <Split name="wide-main" orientation="vertical">
              <Pane id="pane-chart" defaultSize="68%" minSize="35%">
                {chartPanel}
              </Pane>
              <Handle label="Resize the chart and positions" />
              <Pane id="pane-positions" minSize={90}>
                {positionsPanel}
              </Pane>
            </Split>
          </Pane>
          <Handle label="Resize the chart and the what-if" />
          <Pane id="pane-side" defaultSize={370} minSize={300} maxSize="45%">
            {side}
          </Pane>
        </Split>
      ) : (
        <Split key="narrow" name="narrow" orientation="vertical">
          <Pane id="pane-top" defaultSize="68%" minSize="40%">
            <Split name="narrow-top" orientation="horizontal">
              <Pane id="pane-chart" minSize="50%">
                {chartPanel}
              </Pane>
              <Handle label="Resize the chart and the what-if" />
              <Pane id="pane-side" defaultSize={340} minSize={280} maxSize="45%">
                {side}
              </Pane>
            </Split>
          </Pane>
          <Handle label="Resize the chart and positions" />
          <Pane id="pane-positions" minSize={90}>
            {positionsPanel}
          </Pane>
        </Split>
      )}
    </main>
  );
}
