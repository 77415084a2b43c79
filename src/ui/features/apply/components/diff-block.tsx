/** A unified diff, + lines green and − lines red (the marker shown too, so not by colour alone). */
import { Button, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { diffRows } from '../lib/diff';
import classes from './apply.module.css';

const MAX_ROWS = 400;

export function DiffBlock({ diff, caption, truncated = false }: { diff: string; caption: string; truncated?: boolean }) {
  const rows = useMemo(() => diffRows(diff), [diff]);
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, MAX_ROWS);
  return (
    <figure className={classes.figure}>
      <figcaption className={classes.caption}>{caption}</figcaption>
      {rows.length ? (
        <div className={classes.scroll} tabIndex={0}>
          <pre className={classes.diff}>
            {shown.map((r, i) => (
              <span key={i} className={classes.line} data-kind={r.kind}>
                {r.text || ' '}
                {'\n'}
              </span>
            ))}
          </pre>
        </div>
      ) : (
        <Text size="sm">No lines changed.</Text>
      )}
      {rows.length > MAX_ROWS && (
        <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer lines' : `Show all ${rows.length} lines`}
        </Button>
      )}
      {truncated && (
        <Text size="xs" c="dimmed" mt={4}>
          The diff was cut at 64 KiB.
        </Text>
      )}
    </figure>
  );
}
