import { useRef, type KeyboardEvent, type ReactElement } from 'react';

/** Props of `SegmentedControl`. */
export interface SegmentedControlProps<T extends string> {
  readonly label: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Display text per option (default: the option itself). */
  readonly labels?: Readonly<Partial<Record<T, string>>>;
  readonly testId?: string;
}

/**
 * A radio group drawn as segmented buttons, keyboard first (WAI-ARIA radio group): Tab reaches the
 * checked option only, arrow keys and Home/End move the choice and the focus together.
 */
export function SegmentedControl<T extends string>(props: SegmentedControlProps<T>): ReactElement {
  const { options, value, onChange } = props;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = options.indexOf(value);
    const last = options.length - 1;
    const next = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + options.length) % options.length;
    const option = options[wrapped];
    if (option === undefined) return;
    onChange(option);
    buttons.current[wrapped]?.focus();
  };
  return (
    <div className="segmented" role="radiogroup" aria-label={props.label} onKeyDown={move} data-testid={props.testId}>
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
