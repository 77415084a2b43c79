/**
 * The one form wrapper: react-hook-form validated by the form's zod schema as the admin types,
 * then, once the values are valid, the whole-file check (the change applied to the file text with
 * the server's own functions: document-check.ts; debounced, and run again at submit), so that what
 * the server would refuse is refused here without a request. A submit button that stays disabled
 * (with the first problem spelled out) while either finds a problem, and problems put where they
 * belong: onto the fields that cause them, the rest in an alert above the buttons; the server's
 * answers likewise (400 `fields` and `diagnostics`, 409 `exists`), 412 through the shared notifier
 * (with Reload).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ChangeResponse, NetworkResponse } from '../../../schema/responses';
import { ApiError } from '../../api/client';
import { errorMessage, useApiErrorNotifier } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { checkChange, type CheckedFile, type PlannedChange } from './document-check';
import { FileProblemsContext } from './fields';
import { fixReason, ownNames, planRefusal, type Refusal, type RefusalPlan } from './form-errors';
import { labelOf } from './labels';
import { useDocumentCheck } from './use-document-check';

/** The id useApiErrorNotifier gives its 412 notification (hidden when Reload is pressed here). */
const STALE_NOTIFICATION_ID = 'api-error-stale';

/** How long the values rest before the whole-file check runs on them (submitting checks at once). */
const CHECK_DEBOUNCE_MS = 150;

/** The whole-file check of a change; an engine failure is no refusal (the server still checks). */
function checkSafely(file: CheckedFile, change: PlannedChange): RefusalPlan | null {
  try {
    return checkChange(file, change);
  } catch (e) {
    console.error('netstage: the change could not be checked in the browser; the server checks it', e);
    return null;
  }
}

/** The first problem of a refusal, for the disabled button: a field's, else the alert's first. */
function planReason(plan: RefusalPlan): string | null {
  const field = plan.fieldErrors[0];
  if (field) return fixReason([{ path: field.name.split('.'), message: field.message }]);
  const r = plan.refusal;
  if (!r) return null;
  const first = r.unmatched[0]?.message ?? r.diagnostics[0]?.message ?? r.message;
  return fixReason([{ path: [], message: first }]);
}

export interface SchemaFormProps<S extends z.ZodType<FieldValues, FieldValues>> {
  schema: S;
  defaultValues: z.input<S>;
  submitLabel: 'Create' | 'Save';
  /** Sends the validated values; resolves once the server staged them. */
  onSubmit: (values: z.output<S>) => Promise<ChangeResponse>;
  /** After a successful submit, with the values sent and the server's answer. */
  onDone: (values: z.output<S>, result: ChangeResponse) => void;
  onCancel: () => void;
  /**
   * The configuration the form was filled against: its digest is sent back (when it changes, a
   * "changed meanwhile" alert goes), its NICs are the engine's for the whole-file check.
   */
  network: Pick<NetworkResponse, 'digest' | 'nics'>;
  /** What the validated values change in the file, for the whole-file check before sending. */
  plan?: (values: z.output<S>) => PlannedChange;
  children: ReactNode;
}

export function SchemaForm<S extends z.ZodType<FieldValues, FieldValues>>({ schema, defaultValues, submitLabel, onSubmit, onDone, onCancel, network, plan, children }: SchemaFormProps<S>) {
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

  const { digest } = network;
  const checker = useDocumentCheck(network);
  const planRef = useRef(plan);
  planRef.current = plan;
  // The whole-file check's last result: shown until the next one (values valid, same file).
  const [checked, setChecked] = useState<{ snapshot: string; file: CheckedFile; plan: RefusalPlan | null } | null>(null);

  const values = useWatch({ control: methods.control });
  const snapshot = JSON.stringify(values);
  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);

  useEffect(() => {
    const file = checker.file;
    const toChange = planRef.current;
    if (!file || !toChange || !parsed.success) return;
    if (checked?.snapshot === snapshot && checked.file === file) return; // checked already (at submit)
    const data = parsed.data as z.output<S>;
    // The first check of a file (the form just opened or the file changed) runs at once.
    const delay = checked?.file === file ? CHECK_DEBOUNCE_MS : 0;
    const timer = setTimeout(() => setChecked({ snapshot, file, plan: checkSafely(file, toChange(data)) }), delay);
    return () => clearTimeout(timer);
  }, [checker.file, parsed, snapshot, checked]);

  const fileProblems = parsed.success && checked && checked.file === checker.file ? checked.plan : null;
  // Valid values not checked against the file yet (the debounce runs) leave the button enabled:
  // submit runs the check itself. A disabled default button would make Enter in a field do
  // nothing (HTML's implicit submission), so a quick "type, Enter" was silently dropped.

  // The whole-file check's field problems, shown by the fields (FileProblemsContext).
  const fieldProblems = useMemo(() => new Map((fileProblems?.fieldErrors ?? []).map((e) => [e.name, e.message])), [fileProblems]);

  const reason = useMemo(() => {
    if (!parsed.success) return fixReason(parsed.error.issues);
    const first = server?.snapshot === snapshot ? server.errors[0] : undefined;
    if (first) return fixReason([{ path: first.name.split('.'), message: first.message }]);
    return fileProblems ? planReason(fileProblems) : null;
  }, [parsed, server, snapshot, fileProblems]);

  useEffect(() => {
    if (!server || server.snapshot === snapshot) return;
    for (const e of server.errors) if (methods.getFieldState(e.name).error?.type === 'server') methods.clearErrors(e.name);
    setServer(null);
  }, [server, snapshot, methods]);

  useEffect(() => setRefusal((r) => (r?.stale ? null : r)), [digest]);

  const submit = methods.handleSubmit(async (parsed) => {
    setRefusal(null);
    // The whole-file check on exactly these values (the debounced one may not have run yet).
    const toChange = planRef.current;
    const file = toChange ? await checker.ready() : null;
    if (file && toChange) {
      const problems = checkSafely(file, toChange(parsed as z.output<S>));
      setChecked({ snapshot: JSON.stringify(methods.getValues()), file, plan: problems });
      if (problems) {
        const first = problems.fieldErrors[0];
        if (first) methods.setFocus(first.name);
        return;
      }
    }
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
      <FileProblemsContext.Provider value={fieldProblems}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {children}
            {fileProblems?.refusal && !refusal && <RefusalAlert refusal={fileProblems.refusal} title="Not sent: the change would leave problems in the file" />}
            {refusal && (
              <RefusalAlert
                refusal={refusal}
                title={refusal.stale ? 'Not staged: someone else changed the file' : 'The server did not stage this change'}
                onClose={() => setRefusal(null)}
                onReload={reload}
              />
            )}
            <Group justify="space-between" align="center" wrap="nowrap" gap="md">
              <Text id={reasonId} size="sm" c={reason ? 'var(--mantine-color-error)' : 'dimmed'} style={{ flex: 1 }}>
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
      </FileProblemsContext.Provider>
    </FormProvider>
  );
}

/** A refusal's problems; without onClose it stays while the problem does (the whole-file check's). */
function RefusalAlert({ refusal, title, onClose, onReload }: { refusal: Refusal; title: string; onClose?: () => void; onReload?: () => void }) {
  const details = [
    ...refusal.unmatched.map((u) => `${labelOf(u.path.replace(/^form\./, ''))}: ${u.message}`),
    ...refusal.diagnostics.map((d) => (d.line ? `Line ${d.line}: ${d.message}` : d.message)),
  ];
  return (
    <Alert color={refusal.stale ? 'yellow' : 'red'} title={title} withCloseButton={Boolean(onClose)} closeButtonLabel="Dismiss" onClose={onClose}>
      <Text size="sm">{refusal.diagnostics.length ? 'The change would leave these problems in the file:' : refusal.message}</Text>
      {/* Not named like the notification's "Reload" button, so each name finds one button. */}
      {refusal.stale && onReload && (
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
