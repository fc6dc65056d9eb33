import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import './segmented.css';

/** Props of `Segmented`. */
export interface SegmentedProps<T extends string> {
  /** The group's accessible name (there is no visible label). */
  readonly label: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Display text per option (default: the option itself). */
  readonly labels?: Readonly<Partial<Record<T, string>>>;
  /** `sm` on the chart's overlays, `md` elsewhere (default). */
  readonly size?: 'sm' | 'md';
  readonly testId?: string;
}

/** Arrow keys step by one (wrapping), Home and End jump to the ends. */
const steps: Readonly<Record<string, (index: number, last: number) => number>> = {
  ArrowRight: (index) => index + 1,
  ArrowDown: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * A radio group drawn as segmented buttons, keyboard first (WAI-ARIA radio group): Tab reaches the
 * checked option only, arrow keys and Home/End move the choice and the focus together. Each option
 * is a `role="radio"` button with `aria-checked`, so tests and screen readers find it by name.
 */
export function Segmented<T extends string>(props: SegmentedProps<T>): ReactElement {
  const { options, value, onChange, size = 'md' } = props;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const wrapped = (step(options.indexOf(value), options.length - 1) + options.length) % options.length;
    const option = options[wrapped];
    if (option === undefined) return;
    onChange(option);
    buttons.current[wrapped]?.focus();
  };
  return (
    <div
      className={`segmented segmented--${size}`}
      role="radiogroup"
      aria-label={props.label}
      onKeyDown={move}
      data-testid={props.testId}
    >
      {options.map((option, index) => (
        <button
          key={option}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={option === value}
          tabIndex={option === value ? 0 : -1}
          className="segmented__option"
          onClick={() => onChange(option)}
        >
          {props.labels?.[option] ?? option}
        </button>
      ))}
    </div>
  );
}
