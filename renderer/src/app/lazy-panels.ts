import { lazy } from 'react';

// The side panels and the top bar's dialogs load as their own chunks once the chart has painted
// (usePanelsAfterChart): the page's first script holds only what the chart's first frame needs.

export const AccountsMenu = lazy(() =>
  import('../features/accounts/AccountsMenu').then((module) => ({ default: module.AccountsMenu })),
);
export const AlertsPanel = lazy(() =>
  import('../features/alerts/AlertsPanel').then((module) => ({ default: module.AlertsPanel })),
);
export const MarketContext = lazy(() =>
  import('../features/context/MarketContext').then((module) => ({ default: module.MarketContext })),
);
export const PositionsTable = lazy(() =>
  import('../features/positions/PositionsTable').then((module) => ({ default: module.PositionsTable })),
);
export const ShockTest = lazy(() =>
  import('../features/shock/ShockTest').then((module) => ({ default: module.ShockTest })),
);
export const WhatIfPanel = lazy(() =>
  import('../features/whatif/WhatIfPanel').then((module) => ({ default: module.WhatIfPanel })),
);
