import type { ReactNode } from 'react';

/** A titled panel of the workspace; `area` places it in the grid. */
export function Panel({
  title,
  area,
  actions,
  children,
}: {
  readonly title: string;
  readonly area: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  const id = `panel-${area}`;
  return (
    <section className={`panel panel--${area}`} aria-labelledby={id} data-testid={id}>
      <header className="panel__header">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {actions}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}

/** What a panel shows before it has data: a heading and one line on what will appear and how. */
export function EmptyState({ heading, children }: { readonly heading: string; readonly children: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__heading">{heading}</p>
      <p className="empty-state__text">{children}</p>
    </div>
  );
}
