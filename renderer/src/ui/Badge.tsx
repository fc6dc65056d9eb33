import type { HTMLAttributes, ReactElement } from 'react';
import './badge.css';

/**
 * What a badge says: `neutral` (a mode or a label), `demo` (simulated data: shown everywhere a Demo
 * account appears), `warning` (outlined in amber), and the filled alert levels `alert-warning`,
 * `alert-danger`, `alert-critical` (a count on a position row).
 */
export type BadgeTone = 'neutral' | 'demo' | 'warning' | 'alert-warning' | 'alert-danger' | 'alert-critical';

/** Props of `Badge`: a span's attributes plus the tone. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  readonly tone?: BadgeTone;
}

/** A small uppercase pill (or, for alert tones, a filled count) beside the thing it qualifies. */
export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps): ReactElement {
  return <span className={['badge', `badge--${tone}`, className].filter(Boolean).join(' ')} {...rest} />;
}
