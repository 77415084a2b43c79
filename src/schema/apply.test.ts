import { describe, expect, it } from 'vitest';
import { applyBodySchema, applyIdParams, confirmSecondsSchema } from './apply';

describe('apply requests', () => {
  it('takes whole seconds from 0 to an hour, 60 when not given', () => {
    for (const n of [0, 1, 60, 3600]) expect(confirmSecondsSchema.safeParse(n).success).toBe(true);
    expect(applyBodySchema.parse(undefined)).toEqual({ confirmWithinSeconds: 60 });
    expect(applyBodySchema.parse({})).toEqual({ confirmWithinSeconds: 60 });
  });

  it('refuses other windows with a message the dialog shows on the field', () => {
    expect(confirmSecondsSchema.safeParse(-1).error?.issues[0].message).toBe('0 (no rollback) or more.');
    expect(confirmSecondsSchema.safeParse(1.5).error?.issues[0].message).toBe('Whole seconds only.');
    expect(confirmSecondsSchema.safeParse(3601).error?.issues[0].message).toBe('At most 3600 seconds.');
    expect(confirmSecondsSchema.safeParse(undefined).error?.issues[0].message).toBe('Whole seconds from 0 to 3600.');
    expect(applyBodySchema.safeParse({ confirmWithinSeconds: '60' }).success).toBe(false);
    expect(applyBodySchema.safeParse({ confirmWithinSeconds: 60, force: true }).success).toBe(false);
  });

  it('takes apply ids, not paths', () => {
    expect(applyIdParams.safeParse({ id: 'a1b2-c3' }).success).toBe(true);
    for (const id of ['', '../x', 'a/b', 'x'.repeat(65)]) expect(applyIdParams.safeParse({ id }).success).toBe(false);
  });
});
