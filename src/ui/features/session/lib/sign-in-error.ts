/** What the sign-in page says when signing in failed. */
import { ApiError } from '../../../api/client';

export interface SignInProblem {
  title: string;
  message: string;
}

export function signInProblem(err: unknown): SignInProblem {
  if (err instanceof ApiError) {
    if (err.status === 429) {
      const wait = err.body.retryAfter ? ` (${err.body.retryAfter} s)` : '';
      return { title: 'Too many attempts', message: err.message ? err.message : `Too many sign-in attempts. Try again later${wait}.` };
    }
    if (err.status === 401) return { title: 'Sign-in failed', message: err.message || 'Wrong user name or password.' };
    if (err.status === 400) return { title: 'Sign-in failed', message: 'Enter a user name and a password.' };
    return { title: 'Sign-in failed', message: err.message };
  }
  return { title: 'Sign-in failed', message: err instanceof Error ? err.message : String(err) };
}
