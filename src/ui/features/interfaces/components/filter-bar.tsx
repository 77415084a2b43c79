/** Type filter and search box above the table; says how many rows are shown. */
import { Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { TYPE_FILTERS, type RowFilter, type TypeFilter } from '../lib/filter';
import { SearchIcon } from './icons';

export interface FilterBarProps {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  shown: number;
  total: number;
}

export function FilterBar({ filter, onChange, shown, total }: FilterBarProps) {
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SegmentedControl
        size="xs"
        aria-label="Interface type"
        data={TYPE_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
        value={filter.type}
        onChange={(v) => onChange({ ...filter, type: v as TypeFilter })}
      />
      <TextInput
        size="xs"
        type="search"
        aria-label="Search interfaces"
        placeholder="Search name, address, port, comment…"
        leftSection={<SearchIcon />}
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.currentTarget.value })}
        w={300}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown === total ? `${total} interfaces` : `${shown} of ${total} interfaces`}
      </Text>
    </Group>
  );
}
