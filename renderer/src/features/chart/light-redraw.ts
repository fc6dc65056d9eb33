import type {
  IChartApi,
  IPriceLine,
  ISeriesApi,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  SeriesType,
  Time,
} from 'lightweight-charts';

/** One price line per series that draws nothing: its `applyOptions` is the chart's public light repaint. */
const carriers = new WeakMap<ISeriesApi<SeriesType>, IPriceLine>();

/**
 * A repaint request for a series primitive, cheaper than its own `requestUpdate`.
 *
 * `requestUpdate` invalidates the whole chart at lightweight-charts' full level: it measures both
 * axes again, lays every pane out anew and, from inside that layout, asks for one more frame, so each
 * call paints twice. A moved mark, ghost or set of markers needs none of that. A light repaint
 * recomputes the autoscaled price range, which calls every primitive's `updateAllViews`, and draws.
 * A price line's `applyOptions` is the public call that repaints at that level, so each series gets
 * one line with no line and no label to make the request. On a price scale the user has set by
 * hand the light repaint skips `updateAllViews`, so `updateViews` runs first then.
 */
export function lightRedraw(series: ISeriesApi<SeriesType>, updateViews: () => void): () => void {
  return () => {
    let carrier = carriers.get(series);
    if (carrier === undefined) {
      carrier = series.createPriceLine({ price: 0, lineVisible: false, axisLabelVisible: false, title: '' });
      carriers.set(series, carrier);
    }
    if (!series.priceScale().options().autoScale) updateViews();
    carrier.applyOptions({});
  };
}

/**
 * A primitive on the candle series that repaints lightly: it holds the chart and the series while
 * attached, and `requestUpdate` asks for a `lightRedraw`.
 */
export abstract class CandlePrimitive implements ISeriesPrimitive<Time> {
  protected chart: IChartApi | null = null;
  protected series: ISeriesApi<'Candlestick'> | null = null;
  /** Asks for a light repaint; null while detached. */
  protected requestUpdate: (() => void) | null = null;

  attached(param: SeriesAttachedParameter<Time>): void {
    this.chart = param.chart;
    this.series = param.series as ISeriesApi<'Candlestick'>;
    this.requestUpdate = lightRedraw(param.series, () => this.updateAllViews());
  }

  detached(): void {
    this.chart = null;
    this.series = null;
    this.requestUpdate = null;
  }

  abstract updateAllViews(): void;
}
