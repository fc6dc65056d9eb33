import type { Settings } from '../../../shared/ipc/views/settings';

/**
 * Whether the renderer should open the first start's welcome: only in a data folder that had no
 * settings when this process started, only until the user closed the welcome once (a reload must
 * not bring it back), and only while no account but the Demo exists (someone who already connected
 * a real account is past the welcome).
 */
export function welcomeDue(firstStart: boolean, settings: Settings, accountKinds: readonly string[]): boolean {
  return firstStart && settings.welcomeDismissed !== true && accountKinds.every((kind) => kind === 'demo');
}
