/**
 * Every react-query key of the panel, from one factory. Writes invalidate `queryKeys.network.all`,
 * which covers the list, single interfaces and the pending changes.
 */
export const queryKeys = {
  session: ['session'] as const,
  network: {
    all: ['network'] as const,
    list: () => ['network', 'list'] as const,
    iface: (name: string) => ['network', 'iface', name] as const,
    changes: () => ['network', 'changes'] as const,
  },
};
