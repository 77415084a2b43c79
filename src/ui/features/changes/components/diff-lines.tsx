/** One group's hunks as coloured unified-diff lines (+ green, - red, the marker shown too). */
import { Button } from '@mantine/core';
import { useState } from 'react';
import type { DiffHunk } from '../lib/group-hunks';
import classes from './changes.module.css';

const MAX_LINES = 400;
const MARKERS = { add: '+', del: '-', ctx: ' ', note: '\\' } as const;

export function DiffLines({ hunks }: { hunks: readonly DiffHunk[] }) {
  const [all, setAll] = useState(false);
  const total = hunks.reduce((n, h) => n + h.lines.length + 1, 0);
  let budget = all ? Infinity : MAX_LINES;
  const shown: DiffHunk[] = [];
  for (const h of hunks) {
    if (budget <= 0) break;
    const lines = h.lines.slice(0, Math.max(0, budget - 1));
    shown.push({ ...h, lines });
    budget -= lines.length + 1;
  }
  return (
    <>
      <pre className={classes.diff}>
        {shown.map((h, hi) => (
          <code key={hi}>
            <span className={classes.hunk}>{h.header}</span>
            {h.lines.map((l, li) => (
              <span key={li} className={classes.line} data-kind={l.kind}>
                <span className={classes.no}>{l.oldNo ?? ''}</span>
                <span className={classes.no}>{l.newNo ?? ''}</span>
                <span className={classes.marker}>{MARKERS[l.kind]}</span>
                <span>{l.text}</span>
                {'\n'}
              </span>
            ))}
          </code>
        ))}
      </pre>
      {total > MAX_LINES && (
        <Button variant="subtle" size="compact-xs" m="xs" onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer lines' : `Show all ${total} lines`}
        </Button>
      )}
    </>
  );
}
