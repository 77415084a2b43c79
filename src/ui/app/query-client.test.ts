import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { createQueryClient, isUnauthenticated, shouldRetry } from './query-client';

const err = (status: number, code = 'x') => new ApiError(status, { code, message: 'm' });

describe('query client', () => {
  it('does not retry client errors', () => {
    expect(shouldRetry(0, err(404))).toBe(false);
    expect(shouldRetry(0, err(412))).toBe(false);
    expect(shouldRetry(0, err(500))).toBe(true);
    expect(shouldRetry(0, err(0))).toBe(true);
    expect(shouldRetry(2, err(500))).toBe(false);
  });

  it('treats a 401 as a lost session, but not a wrong password', () => {
    expect(isUnauthenticated(err(401, 'unauthenticated'))).toBe(true);
    expect(isUnauthenticated(err(401, 'bad-credentials'))).toBe(false);
    expect(isUnauthenticated(err(403, 'csrf'))).toBe(false);
  });

  it('signs out (session null, network data dropped) when a query gets 401', async () => {
    const qc = createQueryClient();
    qc.setQueryData(queryKeys.session, { username: 'admin', csrfToken: 't' });
    qc.setQueryData(queryKeys.network.changes(), { diff: '' });
    await qc
      .fetchQuery({
        queryKey: queryKeys.network.list(),
        queryFn: () => Promise.reject(err(401, 'unauthenticated')),
      })
      .catch(() => {});
    expect(qc.getQueryData(queryKeys.session)).toBeNull();
    expect(qc.getQueryData(queryKeys.network.changes())).toBeUndefined();
  });

  it('keeps the session on other errors', async () => {
    const qc = createQueryClient();
    qc.setQueryData(queryKeys.session, { username: 'admin', csrfToken: 't' });
    await qc.fetchQuery({ queryKey: queryKeys.network.list(), queryFn: () => Promise.reject(err(412)) }).catch(() => {});
    expect(qc.getQueryData(queryKeys.session)).toEqual({ username: 'admin', csrfToken: 't' });
  });
});
