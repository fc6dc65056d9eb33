import type { ReactElement, ReactNode } from 'react';
import './panel.css';
import { visuallyHiddenClass } from './VisuallyHidden';

/** Props of `Panel`. */
export interface PanelProps {
  readonly title: string;
  /** The workspace grid area (chart, positions, whatif, alerts); also names the test id `panel-<area>`. */
  readonly area: string;
  /** Controls drawn at the right of the title bar. */
  readonly actions?: ReactNode;
  /**
   * The title is read aloud but not drawn: for a panel whose content names itself at the top (the
   * what-if's position header), where the bar's height is worth more to the content.
   */
  readonly titleHidden?: boolean;
  readonly children: ReactNode;
}

/** A titled panel of the workspace, a region named by its heading. */
export function Panel({ title, area, actions, titleHidden = false, children }: PanelProps): ReactElement {
  const id = `panel-${area}`;
  return (
    <section className={`panel panel--${area}`} aria-labelledby={id} data-testid={id}>
      <header className={titleHidden ? visuallyHiddenClass : 'panel__header'}>
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {actions}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}

/** Props of `EmptyState`. */
export interface EmptyStateProps {
  readonly heading: string;
  readonly children: ReactNode;
  readonly testId?: string;
}

/** What a panel shows before it has data: a heading and one line on what will appear and how. */
export function EmptyState({ heading, children, testId }: EmptyStateProps): ReactElement {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state__heading">{heading}</p>
      <p className="empty-state__text">{children}</p>
    </div>
  );
}
