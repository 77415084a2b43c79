/**
 * The interfaces table, virtualized: only the rows in view (plus a few) are in the DOM, so a host
 * with 4,094 bridges scrolls like one with four. Fixed row height and table-layout: fixed keep the
 * columns still while rows come and go; spacer rows stand for the rows left out.
 *
 * Keyboard: Tab reaches the selected row (roving tabindex); arrows, Page Up/Down, Home/End move the
 * selection; Enter opens the row's form; Delete asks to remove it.
 */
import { Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { COLUMNS, TABLE_WIDTH } from '../lib/columns';
import type { InterfaceRow } from '../lib/rows';
import { InterfaceRowView, ROW_HEIGHT } from './interface-row';
import classes from './interface-table.module.css';

const HEADER_HEIGHT = 38;
const OVERSCAN = 10;

export interface InterfaceTableProps {
  rows: readonly InterfaceRow[];
  selected: string | null;
  onSelect: (name: string) => void;
  /** Double-click or Enter. */
  onOpen: (row: InterfaceRow) => void;
  /** The Delete key. */
  onRemove: (row: InterfaceRow) => void;
  emptyText: string;
}

export function InterfaceTable({ rows, selected, onSelect, onOpen, onRemove, emptyText }: InterfaceTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header sits above the first row: rows start HEADER_HEIGHT into the scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]?.model.name ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const padTop = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length ? total - (items[items.length - 1].end - HEADER_HEIGHT) : 0;

  // Focus follows the keyboard: the target row may only be rendered after scrolling to it.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusIndex}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusIndex(null);
    }
  });

  const selectedIndex = selected === null ? -1 : rows.findIndex((r) => r.model.name === selected);
  const firstRendered = items.length ? items[0].index : 0;
  const lastRendered = items.length ? items[items.length - 1].index : -1;
  const tabbableIndex = selectedIndex >= firstRendered && selectedIndex <= lastRendered ? selectedIndex : firstRendered;

  const moveTo = useCallback(
    (index: number) => {
      if (!rows.length) return;
      const i = Math.max(0, Math.min(rows.length - 1, index));
      onSelect(rows[i].model.name);
      virtualizer.scrollToIndex(i, { align: 'auto' });
      setFocusIndex(i);
    },
    [rows, onSelect, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!tr) return;
    const index = Number(tr.dataset.index);
    const row = rows[index];
    if (!row) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const go: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: rows.length - 1 };
    if (e.key in go) {
      e.preventDefault();
      moveTo(go[e.key]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onSelect(row.model.name);
      onOpen(row);
    } else if (e.key === ' ') {
      e.preventDefault();
      onSelect(row.model.name);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      onSelect(row.model.name);
      onRemove(row);
    }
  };

  return (
    <div ref={scrollRef} className={classes.scroller} data-testid="interfaces-scroller">
      <Table
        stickyHeader
        layout="fixed"
        style={{ width: '100%', minWidth: TABLE_WIDTH }}
        highlightOnHover
        verticalSpacing={6}
        aria-label="Network interfaces"
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead style={{ zIndex: 2 }}>
          <Table.Tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {COLUMNS.map((c) => (
              <Table.Th key={c.key} scope="col" className={classes.head}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={onKeyDown}>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <InterfaceRowView
                key={item.key}
                row={row}
                index={item.index}
                selected={item.index === selectedIndex}
                tabbable={item.index === tabbableIndex}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {!rows.length && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text size="sm" py="sm">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
