/** One table row: memoized, so scrolling a 5,000-row table re-renders only the rows that enter the view. */
import { Group, Table } from '@mantine/core';
import { memo, type MouseEvent } from 'react';
import { COLUMNS } from '../lib/columns';
import type { InterfaceRow } from '../lib/rows';
import { DiagnosticsMarker } from './diagnostics-marker';
import classes from './interface-table.module.css';
import { StatusBadge } from './status-badge';

export const ROW_HEIGHT = 36;

export interface InterfaceRowProps {
  row: InterfaceRow;
  index: number;
  selected: boolean;
  /** The one row Tab reaches (roving tabindex). */
  tabbable: boolean;
  onSelect: (name: string) => void;
  onOpen: (row: InterfaceRow) => void;
}

/** A double-click opens the form: keep it from selecting the row's text. */
const noTextSelection = (e: MouseEvent) => {
  if (e.detail > 1) e.preventDefault();
};

export const InterfaceRowView = memo(function InterfaceRowView({ row, index, selected, tabbable, onSelect, onOpen }: InterfaceRowProps) {
  return (
    <Table.Tr
      className={classes.row}
      data-index={index}
      data-name={row.model.name}
      data-status={row.status}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      style={{ height: ROW_HEIGHT }}
      onMouseDown={noTextSelection}
      onClick={() => onSelect(row.model.name)}
      onDoubleClick={() => onOpen(row)}
    >
      {COLUMNS.map((c) =>
        c.key === 'name' ? (
          <Table.Td key={c.key} className={classes.cell}>
            <Group gap={6} wrap="nowrap">
              <span className={classes.text} title={row.model.name}>
                {row.model.name}
              </span>
              {row.status && <StatusBadge status={row.status} />}
              <DiagnosticsMarker diagnostics={row.diagnostics} />
            </Group>
          </Table.Td>
        ) : (
          <CellText key={c.key} text={c.text(row)} />
        ),
      )}
    </Table.Tr>
  );
});

function CellText({ text }: { text: string }) {
  return (
    <Table.Td className={classes.cell} title={text.length > 16 ? text : undefined}>
      <span className={classes.text}>{text}</span>
    </Table.Td>
  );
}
