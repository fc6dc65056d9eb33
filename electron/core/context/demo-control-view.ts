import type { DemoControlChange, DemoControlView } from '../../../shared/ipc/views/demo';
import type { DemoControl } from '../accounts/demo-provider';

/** Why there is no scenario or speed to change: the Demo runs only while no account of the user's exists. */
const noDemo = 'No Demo market is running: it runs only until the first account of your own is added.';

/**
 * The Demo control as the renderer sees it, after applying `change` when one is given; "not
 * available" with the reason while no Demo runs (or the running one cannot be steered).
 */
export function demoControlView(control: DemoControl | undefined, change?: DemoControlChange): DemoControlView {
  if (control === undefined) return { available: false, reason: noDemo };
  const state = change === undefined ? control.state() : control.set(change);
  return { available: true, ...state };
}
