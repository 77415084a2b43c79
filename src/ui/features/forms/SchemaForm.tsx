/**
 * The one form wrapper: react-hook-form validated by the form's zod schema as the admin types,
 * a submit button that stays disabled (with the first problem spelled out) while the values are
 * invalid, and server answers put where they belong: 400 `fields` onto the fields, 400
 * `diagnostics` and other refusals in an alert above the buttons, 412 through the shared
 * notifier (with Reload).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ChangeResponse } from '../../../schema/responses';
import { ApiError } from '../../api/client';
import { errorMessage, useApiErrorNotifier } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { fixReason, ownNames, planRefusal, type Refusal, type RefusalPlan } from './form-errors';
import { labelOf } from './labels';

/** The id useApiErrorNotifier gives its 412 notification (hidden when Reload is pressed here). */
const STALE_NOTIFICATION_ID = 'api-error-stale';

export interface SchemaFormProps<S extends z.ZodType<FieldValues, FieldValues>> {
  schema: S;
  defaultValues: z.input<S>;
  submitLabel: 'Create' | 'Save';
  /** Sends the validated values; resolves once the server staged them. */
  onSubmit: (values: z.output<S>) => Promise<ChangeResponse>;
  /** After a successful submit, with the values sent and the server's answer. */
  onDone: (values: z.output<S>, result: ChangeResponse) => void;
  onCancel: () => void;
  /** The digest the form submits against: when it changes (reloaded), a "changed meanwhile" alert goes. */
  digest: string;
  children: ReactNode;
}

export function SchemaForm<S extends z.ZodType<FieldValues, FieldValues>>({ schema, defaultValues, submitLabel, onSubmit, onDone, onCancel, digest, children }: SchemaFormProps<S>) {
  const methods = useForm<FieldValues, unknown, FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, FieldValues>,
    mode: 'onChange',
    defaultValues,
  });
  const notify = useApiErrorNotifier();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Field errors from the server hold (and keep the button disabled) until a value changes.
  const [server, setServer] = useState<{ snapshot: string; errors: RefusalPlan['fieldErrors'] } | null>(null);
  const reasonId = useId();

  const values = useWatch({ control: methods.control });
  const snapshot = JSON.stringify(values);
  const reason = useMemo(() => {
    const r = schema.safeParse(values);
    if (!r.success) return fixReason(r.error.issues);
    const first = server?.snapshot === snapshot ? server.errors[0] : undefined;
    return first ? fixReason([{ path: first.name.split('.'), message: first.message }]) : null;
  }, [schema, values, server, snapshot]);

  useEffect(() => {
    if (!server || server.snapshot === snapshot) return;
    for (const e of server.errors) if (methods.getFieldState(e.name).error?.type === 'server') methods.clearErrors(e.name);
    setServer(null);
  }, [server, snapshot, methods]);

  useEffect(() => setRefusal((r) => (r?.stale ? null : r)), [digest]);

  const submit = methods.handleSubmit(async (parsed) => {
    setRefusal(null);
    try {
      const result = await onSubmit(parsed as z.output<S>);
      onDone(parsed as z.output<S>, result);
    } catch (err) {
      // 412: the shared notifier, and a reload in the modal too (its focus trap keeps the keyboard from the toast).
      if (err instanceof ApiError && err.status === 412) {
        notify(err);
        return setRefusal({ message: err.message, stale: true, diagnostics: [], unmatched: [] });
      }
      const current = methods.getValues();
      const plan = planRefusal(err instanceof ApiError ? err.body : undefined, errorMessage(err), current, ownNames(current));
      plan.fieldErrors.forEach((e, i) => methods.setError(e.name, { type: 'server', message: e.message }, { shouldFocus: i === 0 }));
      if (plan.fieldErrors.length) setServer({ snapshot: JSON.stringify(current), errors: plan.fieldErrors });
      setRefusal(plan.refusal);
    }
  });

  const queryClient = useQueryClient();
  const reload = () => {
    setRefusal(null);
    notifications.hide(STALE_NOTIFICATION_ID);
    void queryClient.invalidateQueries({ queryKey: queryKeys.network.all });
  };

  const submitting = methods.formState.isSubmitting;
  return (
    <FormProvider {...methods}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {children}
          {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} onReload={reload} />}
          <Group justify="space-between" align="center" wrap="nowrap" gap="md">
            <Text id={reasonId} size="sm" c={reason ? 'orange.8' : 'dimmed'} style={{ flex: 1 }}>
              {reason ?? ''}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" disabled={Boolean(reason)} loading={submitting} aria-describedby={reason ? reasonId : undefined}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

function RefusalAlert({ refusal, onClose, onReload }: { refusal: Refusal; onClose: () => void; onReload: () => void }) {
  const details = [
    ...refusal.unmatched.map((u) => `${labelOf(u.path.replace(/^form\./, ''))}: ${u.message}`),
    ...refusal.diagnostics.map((d) => (d.line ? `Line ${d.line}: ${d.message}` : d.message)),
  ];
  return (
    <Alert color={refusal.stale ? 'yellow' : 'red'} title={refusal.stale ? 'Not staged: someone else changed the file' : 'The server did not stage this change'} withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Text size="sm">{refusal.diagnostics.length ? 'The change would leave these problems in the file:' : refusal.message}</Text>
      {/* Not named like the notification's "Reload" button, so each name finds one button. */}
      {refusal.stale && (
        <Button size="xs" variant="light" mt="xs" onClick={onReload}>
          Load the current configuration
        </Button>
      )}
      {details.length > 0 && (
        <List size="sm" mt="xs" spacing={4}>
          {details.map((d, i) => (
            <List.Item key={i}>{d}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
