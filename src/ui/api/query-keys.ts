/**
 * Every react-query key of the panel, from one factory. Writes invalidate `queryKeys.network.all`,
 * which covers the list, single interfaces, the pending changes and the apply keys (they live
 * under `network` too: an edit changes what the precheck says, and a lost session drops them).
 */
export const queryKeys = {
  session: ['session'] as const,
  network: {
    all: ['network'] as const,
    list: () => ['network', 'list'] as const,
    iface: (name: string) => ['network', 'iface', name] as const,
    changes: () => ['network', 'changes'] as const,
    /** The file text the view was read from (GET /network/file), for the forms' whole-file check. */
    file: () => ['network', 'file'] as const,
  },
  apply: {
    all: ['network', 'apply'] as const,
    /** The precheck of the staged file with this digest. */
    check: (digest: string) => ['network', 'apply', 'check', digest] as const,
    current: () => ['network', 'apply', 'current'] as const,
    history: () => ['network', 'apply', 'history'] as const,
  },
};
