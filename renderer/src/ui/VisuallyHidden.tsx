import type { ReactElement, ReactNode } from 'react';
import './visually-hidden.css';

/**
 * The class that hides an element from sight but not from screen readers or the keyboard. For
 * elements that must keep their own tag (a native radio input, a <legend>, a <label>).
 */
export const visuallyHiddenClass = 'visually-hidden';

/** Text that screen readers announce and sighted users do not see (a label the layout makes obvious). */
export function VisuallyHidden({ children }: { readonly children: ReactNode }): ReactElement {
  return <span className={visuallyHiddenClass}>{children}</span>;
}
