import type { CvdFigure } from '../../../../shared/ipc/views/market-context';
import { signedBase } from './context-text';
import { sparkPoints, sparkY } from './sparkline';

/** The sparkline's box, CSS px: small enough for the title bar's one line. */
const width = 48;
const height = 14;

/**
 * The running CVD of the last hours (`figure.trail`) as a small line, with a dotted zero line where
 * the total crosses it: whether takers have been buying or selling on balance, and whether that is
 * turning. Its accessible name says the same in words. Nothing with fewer than two points.
 */
export function CvdSparkline({ figure, base }: { readonly figure: CvdFigure; readonly base: string }) {
  const points = sparkPoints(figure.trail, width, height);
  if (points.length === 0) return null;
  const zero = sparkY(figure.trail, 0, height);
  const last = figure.trail[figure.trail.length - 1] ?? 0;
  const label =
    `CVD over the last ${figure.trailHours} h: ${signedBase(last, base)}, ` +
    `between ${signedBase(Math.min(...figure.trail), base)} and ${signedBase(Math.max(...figure.trail), base)}`;
  return (
    <svg
      className={`cvd-sparkline${last < 0 ? ' cvd-sparkline--down' : ''}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="cvd-sparkline"
    >
      {zero !== null && <line className="cvd-sparkline__zero" x1={0} x2={width} y1={zero} y2={zero} />}
      <polyline
        className="cvd-sparkline__line"
        points={points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
      />
    </svg>
  );
}
