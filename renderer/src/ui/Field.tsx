import { useId, type ReactElement, type ReactNode } from 'react';
import './field.css';

/** The label above a control, in the column every field shares. */
function FieldFrame({
  id,
  label,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** Props of one labelled text field with its hint and field-level message. */
export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown under the input, announced at once (role="alert"), and marks the input invalid. */
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly type?: 'text' | 'password' | 'url';
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'decimal';
  readonly testId?: string;
  readonly autoFocus?: boolean;
}

/**
 * A labelled input; the hint and the error are tied to it with aria-describedby, the error also
 * with aria-invalid. Autocomplete and spellcheck are off: these fields take keys, addresses and figures.
 */
export function Field({
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  placeholder,
  inputMode,
  testId,
  autoFocus,
}: FieldProps): ReactElement {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame id={id} label={label}>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </FieldFrame>
  );
}

/** Props of a native select with a label. */
export interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly text: string }[];
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}

/** A labelled native select (keyboard and screen readers for free); a value not in `options` is ignored. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: SelectFieldProps<T>): ReactElement {
  const id = useId();
  return (
    <FieldFrame id={id} label={label}>
      <select
        id={id}
        className="input input--select"
        value={value}
        data-testid={testId}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.currentTarget.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
