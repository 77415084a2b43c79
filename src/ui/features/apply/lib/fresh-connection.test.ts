import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { isOldConnection, sendOverNewConnection } from './fresh-connection';

const old = () => new ApiError(409, { code: 'old-connection', message: 'old' });
const tooLate = () => new ApiError(409, { code: 'deadline-passed', message: 'late', record: { id: 'x', status: 'rolled-back' } });
const offline = () => new ApiError(0, { code: 'network', message: 'offline' });

/** A sender answering from a script: one entry per call, an Error to throw or a value. */
function scripted(script: (string | ApiError)[]) {
  let calls = 0;
  const send = async () => {
    const next = script[calls++] ?? old();
    if (next instanceof ApiError) throw next;
    return next;
  };
  return { send, calls: () => calls };
}

describe('confirming over a new connection', () => {
  it('knows the refusal', () => {
    expect(isOldConnection(old())).toBe(true);
    expect(isOldConnection(tooLate())).toBe(false);
    expect(isOldConnection(new Error('x'))).toBe(false);
  });

  it('sends once when the first try is answered', async () => {
    const s = scripted(['ok']);
    await expect(sendOverNewConnection(s.send)).resolves.toBe('ok');
    expect(s.calls()).toBe(1);
  });

  it('after an old-connection refusal, sends bursts until one gets through', async () => {
    const s = scripted([old(), old(), old(), old(), 'ok', old(), old()]);
    await expect(sendOverNewConnection(s.send, { burst: 3 })).resolves.toBe('ok');
    expect(s.calls()).toBe(7); // 1, then a burst of 3 (all refused), then a burst of 3 (one through)
  });

  it('stops at another failure, preferring the one that says what became of the apply', async () => {
    const s = scripted([old(), offline(), tooLate(), old()]);
    await expect(sendOverNewConnection(s.send, { burst: 3 })).rejects.toMatchObject({ code: 'deadline-passed' });
    const t = scripted([old(), old(), offline(), old()]);
    await expect(sendOverNewConnection(t.send, { burst: 3 })).rejects.toMatchObject({ code: 'network' });
  });

  it('does not retry other first failures', async () => {
    const s = scripted([offline()]);
    await expect(sendOverNewConnection(s.send)).rejects.toMatchObject({ code: 'network' });
    expect(s.calls()).toBe(1);
  });

  it('gives up after the rounds with the refusal', async () => {
    const s = scripted([]);
    await expect(sendOverNewConnection(s.send, { burst: 2, rounds: 3 })).rejects.toMatchObject({ code: 'old-connection' });
    expect(s.calls()).toBe(1 + 2 * 3);
  });
});
