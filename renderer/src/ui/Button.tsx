import type { ButtonHTMLAttributes, ReactElement, Ref } from 'react';
import './button.css';

/**
 * How a button looks: `default` (raised), `primary` (the dialog's main action), `danger` (a confirmed
 * removal), `ghost` (outlined, transparent: toolbars and toggles), `quiet` (no frame until hovered:
 * a close cross), `link` (underlined text inside a sentence), `bare` (no frame, text at the left: a
 * row or a card whose look the feature draws).
 */
export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost' | 'quiet' | 'link' | 'bare';

/** Props of `Button`: every native button attribute, plus the look. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  /** `sm` for dense panels and toolbars (12px text), `md` for the top bar and banners (default), `lg` for a dialog's footer. */
  readonly size?: 'sm' | 'md' | 'lg';
  readonly ref?: Ref<HTMLButtonElement>;
}

/**
 * The one button of the app. `type` defaults to "button" (a native button inside a form would
 * otherwise submit it); `aria-pressed` makes it a toggle, drawn in the accent colour while pressed.
 */
export function Button({
  variant = 'default',
  size = 'md',
  type = 'button',
  className,
  ...rest
}: ButtonProps): ReactElement {
  const classes = ['button', `button--${variant}`, `button--${size}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
