/** The header: product, the node's name, who is signed in, the theme switch and Sign out. */
import { Badge, Button, Group, Text } from '@mantine/core';
import type { SessionResponse } from '../../schema/responses';
import { useNetwork } from '../features/interfaces';
import { useSignOut } from '../features/session';
import { ColorSchemeToggle } from './color-scheme-toggle';

export function AppHeader({ session }: { session: SessionResponse }) {
  const network = useNetwork();
  const signOut = useSignOut();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Text fw={700} size="lg">
          netstage
        </Text>
        {network.data && (
          <Badge variant="default" size="lg" tt="none" data-testid="node-name" aria-label={`Node ${network.data.node}`}>
            {network.data.node}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" visibleFrom="sm">
          {session.username}
        </Text>
        <ColorSchemeToggle />
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          Sign out
        </Button>
      </Group>
    </Group>
  );
}
