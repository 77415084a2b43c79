/**
 * What the apply feature shows, shared by its pieces on the Network page (the banner, the toolbar's
 * buttons and the lazily loaded dialogs): which dialog is open, whether the history is, and which
 * rollbacks the admin has already been told about (localStorage, see lib/seen.ts).
 */
import { useCallback, useMemo, useState } from 'react';
import type { ApplyRecord } from '../../../../server/apply/types';
import { addSeen, browserStorage, readSeen } from '../lib/seen';

/** An apply waiting for confirmation, with its deadline on this browser's clock (lib/countdown.ts). */
export interface PendingApply {
  id: string;
  deadlineAt: number;
  /** The whole window, for the progress bar. */
  windowSeconds: number;
  record: ApplyRecord;
}

export type ApplyView =
  | { kind: 'closed' }
  /** "Apply the configuration?": the rollback window, the diff, Apply. */
  | { kind: 'apply' }
  /** The countdown with "Keep this configuration". */
  | { kind: 'countdown'; pending: PendingApply }
  /** What became of an apply (a rollback or a failed reload), in plain words. */
  | { kind: 'outcome'; record: ApplyRecord };

export interface ApplyFlow {
  view: ApplyView;
  historyOpen: boolean;
  /** The lazy chunks are loaded once first needed, then stay mounted. */
  dialogsMounted: boolean;
  historyMounted: boolean;
  seen: readonly string[];
  openApply(): void;
  showCountdown(pending: PendingApply): void;
  showOutcome(record: ApplyRecord): void;
  /** Close the dialog (an outcome shown counts as seen). */
  close(): void;
  openHistory(): void;
  closeHistory(): void;
  markSeen(id: string): void;
}

const CLOSED: ApplyView = { kind: 'closed' };

export function useApplyFlow(): ApplyFlow {
  const [view, setView] = useState<ApplyView>(CLOSED);
  const [dialogsMounted, setDialogsMounted] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyMounted, setHistoryMounted] = useState(false);
  const [seen, setSeen] = useState<readonly string[]>(() => readSeen(browserStorage()));

  const show = useCallback((next: ApplyView) => {
    setDialogsMounted(true);
    setView(next);
  }, []);
  const markSeen = useCallback((id: string) => setSeen(addSeen(browserStorage(), id)), []);
  const openApply = useCallback(() => show({ kind: 'apply' }), [show]);
  const showCountdown = useCallback((pending: PendingApply) => show({ kind: 'countdown', pending }), [show]);
  const showOutcome = useCallback((record: ApplyRecord) => show({ kind: 'outcome', record }), [show]);
  const close = useCallback(() => {
    if (view.kind === 'outcome') markSeen(view.record.id);
    setView(CLOSED);
  }, [view, markSeen]);
  const openHistory = useCallback(() => {
    setHistoryMounted(true);
    setHistoryOpen(true);
  }, []);
  const closeHistory = useCallback(() => setHistoryOpen(false), []);

  return useMemo(
    () => ({ view, historyOpen, dialogsMounted, historyMounted, seen, openApply, showCountdown, showOutcome, close, openHistory, closeHistory, markSeen }),
    [view, historyOpen, dialogsMounted, historyMounted, seen, openApply, showCountdown, showOutcome, close, openHistory, closeHistory, markSeen],
  );
}
