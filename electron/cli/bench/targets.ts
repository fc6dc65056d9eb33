/**
 * The target of each figure `liqlens bench` prints, as DESIGN.md's table states it ("< 2" means
 * below 2 in the figure's own unit; `eventsLost` must be exactly 0). Figures without a target
 * (sample counts, diagnostics) are not listed.
 */
export const benchTargets: Readonly<Record<string, string>> = {
  'webRoundTrip.p50Ms': '< 2',
  'webRoundTrip.p99Ms': '< 10',
  'core.coldStartMs': '< 500',
  'whatIf.cross20Ms': '< 0.5',
  'ledger.coldMs': '< 250',
  'ledger.perBarMs': '< 0.2',
  'alerts.configSetMs': '< 50',
  'alerts.tickToEventP99Ms': '< 50',
  'ui.sliderToFrameP95Ms': '< 8',
  'ui.streamFrameP95Ms': '< 8',
  'ui.firstPaintMs': '< 1000',
  'map.firstWarmMs': '< 1000',
  'map.firstColdMs': '< 5000',
  'soak.heapGrowthMb': '< 20',
  'soak.eventsLost': '= 0',
  'soak.rssMb': '< 250',
  'idle.cpuPercent': '< 1',
};
