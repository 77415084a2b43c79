/** A command's messages (a reload, ifupdown2's check) in a code block under a caption. */
import { Code } from '@mantine/core';
import classes from './apply.module.css';

export function CommandOutput({ caption, output }: { caption: string; output: string }) {
  return (
    <figure className={classes.figure}>
      <figcaption className={classes.caption}>{caption}</figcaption>
      <Code block className={classes.output} tabIndex={0}>
        {output.trim() || '(no output)'}
      </Code>
    </figure>
  );
}
