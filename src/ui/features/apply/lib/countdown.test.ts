import { describe, expect, it } from 'vitest';
import { clockText, durationWords, localDeadline, percentLeft, secondsLeft } from './countdown';

describe('countdown', () => {
  it('puts the deadline on the local clock from the time left when the answer came', () => {
    expect(localDeadline(1_000_000, 60)).toBe(1_060_000);
    expect(localDeadline(1_000_000, 0)).toBe(1_000_000);
    expect(localDeadline(1_000_000, -5)).toBe(1_000_000);
  });

  it('counts whole seconds left, rounded up, never below 0', () => {
    const deadline = 100_000;
    expect(secondsLeft(deadline, 40_000)).toBe(60);
    expect(secondsLeft(deadline, 40_001)).toBe(60);
    expect(secondsLeft(deadline, 40_999)).toBe(60);
    expect(secondsLeft(deadline, 41_000)).toBe(59);
    expect(secondsLeft(deadline, 99_999)).toBe(1);
    expect(secondsLeft(deadline, 100_000)).toBe(0);
    expect(secondsLeft(deadline, 200_000)).toBe(0);
  });

  it('writes the time as m:ss and in words', () => {
    expect(clockText(65)).toBe('1:05');
    expect(clockText(9)).toBe('0:09');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(3600)).toBe('60:00');
    expect(durationWords(65)).toBe('1 minute 5 seconds');
    expect(durationWords(120)).toBe('2 minutes');
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(0)).toBe('no time');
  });

  it('gives the share of the window left', () => {
    expect(percentLeft(30, 60)).toBe(50);
    expect(percentLeft(90, 60)).toBe(100);
    expect(percentLeft(0, 60)).toBe(0);
    expect(percentLeft(5, 0)).toBe(0);
  });
});
