import type { PermissionReport } from '../../../shared/domain/permission-report';
import type { KeyPermissions } from '../../../shared/ipc/views/accounts';

/** The permission report as the renderer shows it, with a plain warning when a key can do more than read. */
export function toKeyPermissions(report: PermissionReport): KeyPermissions {
  const extra = [report.canTrade ? 'trade' : '', report.canWithdraw ? 'withdraw' : ''].filter(Boolean);
  const base = { readOnly: report.readOnly, canTrade: report.canTrade, canWithdraw: report.canWithdraw };
  if (extra.length === 0) return base;
  return {
    ...base,
    warning: `This key can ${extra.join(' and ')}. LiqLens only reads: create a read-only key for it and remove this one from the app.`,
  };
}
