import { useId } from 'react';

/** Props of a segmented choice: native radio buttons (arrow keys move the choice) drawn as one pill. */
export interface SegmentedProps<T extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly text: string }[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}

/** A labelled group of radio buttons styled as a segmented control. */
export function Segmented<T extends string>({ label, options, value, onChange, testId }: SegmentedProps<T>) {
  const name = useId();
  return (
    <div className="wi-segment" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <label key={option.value} className="wi-segment__item" data-checked={option.value === value || undefined}>
          <input
            type="radio"
            className="wi-visually-hidden"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.text}
        </label>
      ))}
    </div>
  );
}
