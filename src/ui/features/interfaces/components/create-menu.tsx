/** Create ▾: Linux Bridge, Linux Bond, Linux VLAN, Routed setup, NAT setup. */
import { Button, Menu } from '@mantine/core';
import { CREATE_ITEMS, type CreateChoice } from '../lib/create-items';
import { ChevronDownIcon } from './icons';

export function CreateMenu({ onCreate }: { onCreate: (choice: CreateChoice) => void }) {
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button rightSection={<ChevronDownIcon />}>Create</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {CREATE_ITEMS.map((item) => (
          <Menu.Item key={item.choice} onClick={() => onCreate(item.choice)}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
