/** Everything the panel runs inside: Mantine (theme, colour scheme), react-query, notifications. */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {/* In a landmark of its own (not a portal), so toasts are never content outside landmarks. */}
        <div role="region" aria-label="Notifications">
          <Notifications position="bottom-right" withinPortal={false} />
        </div>
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
