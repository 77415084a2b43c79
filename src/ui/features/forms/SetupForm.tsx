/**
 * The routed and NAT setups (setups.ts): a public interface and a port-less bridge from a few
 * fields. Existing interfaces of those names are updated in place by the server.
 */
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import type { NetworkResponse } from '../../../schema/responses';
import { natSetupSchema, natSubnet, routedSetupSchema, type NatSetup, type RoutedSetup } from '../../../schema/setups';
import { useCreateSetup } from './api/create-setup';
import { createSetupValues } from './defaults';
import { DevicePicker } from './DevicePicker';
import { TextField } from './fields';
import type { InterfaceFormProps } from './form-props';
import { SchemaForm } from './SchemaForm';

export interface SetupFormProps {
  kind: 'routed' | 'nat';
  network: NetworkResponse;
  onDone: InterfaceFormProps['onDone'];
  onCancel: () => void;
}

export function SetupForm({ kind, network, onDone, onCancel }: SetupFormProps) {
  const create = useCreateSetup();
  const submit = (form: RoutedSetup | NatSetup) => create.mutateAsync({ kind, form, digest: network.digest });
  return (
    <SchemaForm
      schema={kind === 'routed' ? routedSetupSchema : natSetupSchema}
      defaultValues={createSetupValues(kind, network)}
      submitLabel="Create"
      onSubmit={submit}
      plan={(form) => ({ kind, form })}
      onDone={(v, result) => onDone([v.publicIface, v.bridge], result)}
      onCancel={onCancel}
      network={network}
    >
      <SetupFields kind={kind} network={network} />
    </SchemaForm>
  );
}

function SetupFields({ kind, network }: { kind: 'routed' | 'nat'; network: NetworkResponse }) {
  const { control } = useFormContext();
  const [publicIface, bridge, bridgeCidr] = useWatch({ control, name: ['publicIface', 'bridge', 'bridgeCidr'] }) as string[];
  const existingBridge = network.interfaces.find((m) => m.name === bridge);
  const subnet = natSubnet(bridgeCidr ?? '');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {kind === 'routed'
          ? 'The public interface keeps your main address and answers ARP for the guests (proxy_arp); the bridge, without ports, gets an address of your additional IP block. Guests use the bridge address as their gateway.'
          : `The bridge, without ports, gets a private subnet that is masqueraded out of the public interface${subnet && publicIface ? ` (iptables MASQUERADE of ${subnet} via ${publicIface})` : ''}. Guests use the bridge address as their gateway.`}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="sm">
        <Stack gap="sm">
          <DevicePicker name="publicIface" network={network} purpose="public" aria-required deps={['bridge']} />
          <TextField name="publicCidr" aria-required placeholder="203.0.113.10/24" deps={['gateway', 'bridgeCidr']} autoComplete="off" spellCheck={false} />
          <TextField name="gateway" aria-required placeholder="203.0.113.1" autoComplete="off" spellCheck={false} />
          <TextField name="publicComment" autoComplete="off" />
        </Stack>
        <Stack gap="sm">
          <TextField
            name="bridge"
            aria-required
            autoComplete="off"
            spellCheck={false}
            description={
              existingBridge
                ? `${bridge} exists: it is updated${existingBridge.bridge?.ports.length ? ` and loses its ports (${existingBridge.bridge.ports.join(', ')})` : ''}.`
                : 'Created without ports.'
            }
          />
          <TextField name="bridgeCidr" aria-required placeholder={kind === 'nat' ? '10.10.10.1/24' : '198.51.100.1/29'} deps={['gateway']} autoComplete="off" spellCheck={false} />
          <TextField name="bridgeComment" autoComplete="off" />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
