/**
 * The UI kit: the primitives every feature draws with, each with its stylesheet beside it. The
 * design tokens they (and every feature stylesheet) use are in tokens.css, loaded by app.css.
 */
export { Badge, type BadgeProps, type BadgeTone } from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { FreshnessNote } from './FreshnessNote';
export { Field, SelectField, type FieldProps, type SelectFieldProps } from './Field';
export { EmptyState, Panel, type EmptyStateProps, type PanelProps } from './Panel';
export { Segmented, type SegmentedProps } from './Segmented';
export { VisuallyHidden, visuallyHiddenClass } from './VisuallyHidden';
