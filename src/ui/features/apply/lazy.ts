/** The feature's lazy chunks: the dialogs (apply, countdown, outcome) and the history drawer. */
export const loadApplyDialogs = () => import('./components/apply-dialogs');
export const loadHistoryDrawer = () => import('./components/history-drawer');
