/** The feature's dialogs and history drawer, each loaded lazily the first time it opens (own Suspense each). */
import { lazy, Suspense } from 'react';
import type { NetworkResponse } from '../../../../schema/responses';
import type { ApplyFlow } from '../hooks/use-apply-flow';
import { loadApplyDialogs, loadHistoryDrawer } from '../lazy';

const ApplyDialogs = lazy(loadApplyDialogs);
const HistoryDrawer = lazy(loadHistoryDrawer);

export function ApplyOverlays({ flow, network }: { flow: ApplyFlow; network: NetworkResponse }) {
  return (
    <>
      <Suspense fallback={null}>{flow.dialogsMounted && <ApplyDialogs flow={flow} network={network} />}</Suspense>
      <Suspense fallback={null}>{flow.historyMounted && <HistoryDrawer opened={flow.historyOpen} onClose={flow.closeHistory} />}</Suspense>
    </>
  );
}
