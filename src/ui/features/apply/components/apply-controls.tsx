/** The toolbar's apply slot: "Apply Configuration" and "Apply history". */
import { Button } from '@mantine/core';
import type { NetworkResponse } from '../../../../schema/responses';
import type { ApplyFlow } from '../hooks/use-apply-flow';
import { loadHistoryDrawer } from '../lazy';
import { ApplyButton } from './apply-button';

export function ApplyControls({ flow, network }: { flow: ApplyFlow; network: Pick<NetworkResponse, 'digest' | 'pending'> }) {
  return (
    <>
      <ApplyButton network={network} onApply={flow.openApply} />
      <Button variant="default" onClick={flow.openHistory} onPointerEnter={() => void loadHistoryDrawer()} onFocus={() => void loadHistoryDrawer()}>
        Apply history
      </Button>
    </>
  );
}
