import type { IPriceLine, ISeriesApi, SeriesType } from 'lightweight-charts';
import type { PriceLineSpec } from './price-line-specs';

/**
 * Brings a series' price lines to `specs`: a line whose id stays is updated in place (a slider
 * moving the ghost only changes its price), new ids are created, vanished ids removed.
 */
export function syncPriceLines(
  series: ISeriesApi<SeriesType>,
  lines: Map<string, IPriceLine>,
  specs: readonly PriceLineSpec[],
): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    seen.add(spec.id);
    const options = {
      price: spec.price,
      color: spec.color,
      lineStyle: spec.lineStyle,
      lineWidth: spec.lineWidth,
      title: spec.title,
      axisLabelVisible: spec.axisLabelVisible ?? true,
    };
    const line = lines.get(spec.id);
    if (line === undefined) lines.set(spec.id, series.createPriceLine(options));
    else if (!sameOptions(line.options(), options)) line.applyOptions(options);
  }
  for (const [id, line] of lines) {
    if (seen.has(id)) continue;
    series.removePriceLine(line);
    lines.delete(id);
  }
}

/** Whether a line already shows these options: re-applying equal ones would only cost a redraw. */
function sameOptions(
  current: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, string | number | boolean>>,
): boolean {
  return Object.entries(next).every(([key, value]) => current[key] === value);
}
