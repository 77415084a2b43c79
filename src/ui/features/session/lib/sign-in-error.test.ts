import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { signInProblem } from './sign-in-error';

describe('signInProblem', () => {
  it('shows the server message for a wrong password', () => {
    expect(signInProblem(new ApiError(401, { code: 'bad-credentials', message: 'Wrong user name or password.' }))).toEqual({ title: 'Sign-in failed', message: 'Wrong user name or password.' });
  });

  it('shows the 429 message (rate limits)', () => {
    const p = signInProblem(new ApiError(429, { code: 'too-many-failures', message: 'Too many failed sign-ins for this user name. Try again in 15 minutes.', retryAfter: 900 }));
    expect(p.title).toBe('Too many attempts');
    expect(p.message).toMatch(/Try again in 15 minutes/);
    expect(signInProblem(new ApiError(429, { code: 'http-429', message: '', retryAfter: 30 })).message).toBe('Too many sign-in attempts. Try again later (30 s).');
  });

  it('explains an unreachable server', () => {
    expect(signInProblem(new ApiError(0, { code: 'network', message: 'The server cannot be reached.' })).message).toBe('The server cannot be reached.');
    expect(signInProblem(new Error('boom')).message).toBe('boom');
  });
});
