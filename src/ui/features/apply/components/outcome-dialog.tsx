/** After a rollback or a failed reload: the headline and OutcomeDetails; closing marks it seen. */
import { Button, Group, Modal } from '@mantine/core';
import type { ApplyRecord } from '../../../../server/apply/types';
import { outcomeTitle } from '../lib/status';
import { OutcomeDetails } from './outcome-details';

export function OutcomeDialog({ record, onClose }: { record: ApplyRecord; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={outcomeTitle(record)} size="lg" closeOnClickOutside={false} withCloseButton={false}>
      <OutcomeDetails record={record} />
      <Group justify="flex-end" mt="lg">
        <Button onClick={onClose} data-autofocus>
          Close
        </Button>
      </Group>
    </Modal>
  );
}
