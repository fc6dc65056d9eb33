import { useId, type ReactNode } from 'react';

/** Props of one labelled text field with its hint and field-level message. */
export interface FormFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly type?: 'text' | 'password' | 'url';
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'decimal';
  readonly testId?: string;
  readonly autoFocus?: boolean;
}

/** A labelled input; the error is tied to it with aria-describedby and aria-invalid. */
export function FormField({
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
}: FormFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="acc-field">
      <label className="acc-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="acc-input"
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
        <p className="acc-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="acc-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
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

/** A labelled native select (keyboard and screen readers for free). */
export function SelectField<T extends string>({ label, value, options, onChange, testId }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="acc-field">
      <label className="acc-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="acc-input"
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
    </div>
  );
}
