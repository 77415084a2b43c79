/**
 * How the panel tells the admin a request failed: a notification in plain words. A 412 (someone
 * changed the configuration meanwhile) offers to reload, which refetches everything.
 * Field-level problems (400 with `fields` or `diagnostics`, 409 `exists`) are put on the form's
 * fields by the form itself (see planRefusal in features/forms/form-errors.ts); this is for
 * everything else.
 */
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from './client';
import { queryKeys } from './query-keys';

export const STALE_TITLE = 'The configuration changed meanwhile';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** `notify(err)`: show a failure; for 412 with a Reload button. */
export function useApiErrorNotifier(): (err: unknown, title?: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (err: unknown, title = 'The request failed') => {
      const stale = err instanceof ApiError && err.status === 412;
      const id = `api-error-${stale ? 'stale' : Date.now()}`;
      notifications.show({
        id,
        color: stale ? 'yellow' : 'red',
        title: stale ? STALE_TITLE : title,
        autoClose: stale ? false : 8000,
        message: stale ? (
          <Stack gap="xs">
            <Text size="sm">{errorMessage(err)}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                void queryClient.invalidateQueries({ queryKey: queryKeys.network.all });
              }}
            >
              Reload
            </Button>
          </Stack>
        ) : (
          errorMessage(err)
        ),
      });
    },
    [queryClient],
  );
}
