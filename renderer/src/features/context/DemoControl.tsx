import { useEffect, useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import {
  demoScenarios,
  demoSpeeds,
  type DemoControlChange,
  type DemoControlView,
  type DemoScenario,
} from '../../../../shared/ipc/views/demo';
import { Segmented } from '../../ui';

const scenarioLabels: Readonly<Record<DemoScenario, string>> = {
  calm: 'Calm',
  trend: 'Trend',
  crash: 'Crash',
  squeeze: 'Squeeze',
};
const speedOptions = demoSpeeds.map((speed) => `${speed}x` as const);
type SpeedOption = (typeof speedOptions)[number];

/**
 * The Demo market's scenario and speed, shown only while the Demo runs: a scenario starts at once
 * from the market as it stands (a crash runs into the longs the crowd holds now), a speed makes the
 * simulated clock run 1, 5 or 20 times real time. A refusal is shown beside the controls.
 */
export function DemoControl({ api, connected }: { readonly api: LiqLensApi; readonly connected: boolean }) {
  const [view, setView] = useState<DemoControlView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!connected) return undefined;
    let cancelled = false;
    api.getDemoControl().then(
      (next) => !cancelled && setView(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);
  if (view === null || !view.available) return null;
  const change = (next: DemoControlChange): void => {
    api.setDemoControl(next).then(
      (result) => {
        setView(result);
        setProblem(null);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  const scenario = demoScenarios.find((name) => name === view.scenario);
  const speed = speedOptions.find((option) => option === `${view.speed}x`);
  return (
    <div className="demo-control" data-testid="demo-control" data-scenario={view.scenario} data-speed={view.speed}>
      <span className="demo-control__label">Demo market</span>
      <Segmented<DemoScenario>
        label="Demo scenario"
        options={demoScenarios}
        value={scenario ?? 'calm'}
        labels={scenarioLabels}
        onChange={(next) => change({ scenario: next })}
        size="sm"
        testId="demo-scenario"
      />
      <Segmented<SpeedOption>
        label="Demo speed"
        options={speedOptions}
        value={speed ?? '1x'}
        onChange={(next) => change({ speed: demoSpeeds[speedOptions.indexOf(next)] ?? 1 })}
        size="sm"
        testId="demo-speed"
      />
      {problem && (
        <span className="demo-control__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
