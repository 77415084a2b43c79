/**
 * The Network page: composes the interfaces feature (banner, toolbar, filter, table, remove), the
 * changes feature (pending diff, revert all; lazy), the forms (lazy, through FormHost) and the
 * apply feature (its banner, the toolbar's Apply Configuration / Apply history, its lazy dialogs).
 */
import { Alert, Button, Center, Loader, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { NetworkResponse } from '../../schema/responses';
import { errorMessage } from '../api/errors';
import { ApplyBanner, ApplyControls, ApplyOverlays, useApplyFlow } from '../features/apply';
import {
  buildRows,
  canEdit,
  canRemove,
  DiagnosticsBanner,
  FilterBar,
  filterRows,
  InterfacesToolbar,
  InterfaceTable,
  pendingCount,
  RemoveDialog,
  useNetwork,
  type CreateChoice,
  type InterfaceRow,
  type RowFilter,
} from '../features/interfaces';
import type { FormRequest } from './form-host';

const FormHost = lazy(() => import('./form-host'));
const ChangesPane = lazy(() => import('../features/changes/components/changes-pane'));
const RevertAllDialog = lazy(() => import('../features/changes/components/revert-all-dialog'));

export function NetworkPage() {
  const network = useNetwork();
  if (network.isPending)
    return (
      <Center h="50vh">
        <Loader aria-label="Loading the network configuration" />
      </Center>
    );
  if (network.isError)
    return (
      <Alert color="red" title="The network configuration could not be loaded" m="md">
        {errorMessage(network.error)}
        <div>
          <Button mt="sm" variant="default" size="xs" onClick={() => void network.refetch()}>
            Try again
          </Button>
        </div>
      </Alert>
    );
  return <NetworkView network={network.data} />;
}

function NetworkView({ network }: { network: NetworkResponse }) {
  const rows = useMemo(() => buildRows(network), [network]);
  const texts = useMemo(() => new WeakMap<InterfaceRow, string>(), []);
  const [filter, setFilter] = useState<RowFilter>({ type: 'all', query: '' });
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterRows(rows, deferredFilter, texts), [rows, deferredFilter, texts]);

  const [selected, setSelected] = useState<string | null>(null);
  const selectedRow = useMemo(() => (selected === null ? undefined : visible.find((r) => r.model.name === selected)), [visible, selected]);

  const [formRequest, setFormRequest] = useState<FormRequest | null>(null);
  const [formMounted, setFormMounted] = useState(false);
  const openForm = useCallback((request: FormRequest) => {
    setFormMounted(true);
    setFormRequest(request);
  }, []);
  const closeForm = useCallback(() => setFormRequest(null), []);

  const [removeRow, setRemoveRow] = useState<InterfaceRow | null>(null);
  const [revertOpen, setRevertOpen] = useState(false);
  const [revertMounted, setRevertMounted] = useState(false);

  const openEdit = useCallback(
    (row: InterfaceRow) => {
      if (row.status === 'removed') return;
      openForm({ edit: row.model }); // FormHost says so when there is no form for its type
    },
    [openForm],
  );
  const askRemove = useCallback((row: InterfaceRow) => {
    if (canRemove(row)) setRemoveRow(row);
  }, []);
  const onCreate = useCallback((choice: CreateChoice) => openForm({ create: choice }), [openForm]);
  const count = pendingCount(network);
  const apply = useApplyFlow();

  return (
    <Stack gap="sm" p="md" style={{ height: 'calc(100dvh - var(--app-shell-header-height, 56px))' }}>
      <Title order={1} size="h3">
        Network
      </Title>
      <DiagnosticsBanner diagnostics={network.diagnostics} />
      <ApplyBanner flow={apply} />
      <InterfacesToolbar
        onCreate={onCreate}
        onRevert={() => {
          setRevertMounted(true);
          setRevertOpen(true);
        }}
        onEdit={() => selectedRow && openEdit(selectedRow)}
        onRemove={() => selectedRow && askRemove(selectedRow)}
        canEdit={canEdit(selectedRow)}
        canRemove={canRemove(selectedRow)}
        pendingCount={count}
        applySlot={<ApplyControls flow={apply} network={network} />}
      />
      <FilterBar filter={filter} onChange={setFilter} shown={visible.length} total={rows.length} />
      <InterfaceTable
        rows={visible}
        selected={selected}
        onSelect={setSelected}
        onOpen={openEdit}
        onRemove={askRemove}
        emptyText={rows.length ? 'No interface matches the filter.' : 'The configuration has no interfaces.'}
      />
      <Suspense fallback={<Loader size="sm" aria-label="Loading the pending changes" />}>
        {network.pending && <ChangesPane statuses={network.changes ?? {}} />}
      </Suspense>
      <RemoveDialog row={removeRow} digest={network.digest} onClose={() => setRemoveRow(null)} />
      <Suspense fallback={null}>
        {revertMounted && <RevertAllDialog opened={revertOpen} onClose={() => setRevertOpen(false)} interfaces={count} />}
        {formMounted && <FormHost request={formRequest} network={network} onClose={closeForm} />}
      </Suspense>
      <ApplyOverlays flow={apply} network={network} />
    </Stack>
  );
}
