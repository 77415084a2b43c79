export { useNetwork } from './api/get-network';
export { InterfacesToolbar } from './components/interfaces-toolbar';
export { InterfaceTable } from './components/interface-table';
export { FilterBar } from './components/filter-bar';
export { DiagnosticsBanner } from './components/diagnostics-banner';
export { RemoveDialog } from './components/remove-dialog';
export { buildRows, canEdit, canRemove, pendingCount, type InterfaceRow } from './lib/rows';
export { filterRows, type RowFilter } from './lib/filter';
export type { CreateChoice } from './lib/create-items';
