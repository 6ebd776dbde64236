import { describe, expect, it } from 'vitest';
import { SharedTask, abortable } from '../../src/model/abortable';

const never = (signal: AbortSignal, seen: { aborted: boolean }) =>
  new Promise<number>((_, reject) => signal.addEventListener('abort', () => ((seen.aborted = true), reject(signal.reason))));

describe('work shared by several requests', () => {
  it('a cancelled waiter stops waiting at once; the work goes on while another still waits', async () => {
    const seen = { aborted: false };
    const task = new SharedTask((s) => never(s, seen));
    const a = new AbortController();
    const b = new AbortController();
    const first = task.wait(a.signal);
    const second = task.wait(b.signal);
    a.abort(new Error('first cancelled'));
    await expect(first).rejects.toThrow('first cancelled');
    expect(seen.aborted).toBe(false);
    expect(task.abandoned).toBe(false);
    b.abort(new Error('second cancelled'));
    await expect(second).rejects.toThrow('second cancelled');
    expect(seen.aborted).toBe(true);
    expect(task.abandoned).toBe(true);
  });

  it('finished work is never aborted, and every waiter gets its value', async () => {
    const task = new SharedTask(async () => 42);
    const c = new AbortController();
    expect(await task.wait(c.signal)).toBe(42);
    expect(await task.wait()).toBe(42);
    c.abort();
    expect(task.abandoned).toBe(false);
  });

  it('abortable rejects with the signal reason, or passes the value through', async () => {
    const c = new AbortController();
    c.abort(new Error('gone'));
    await expect(abortable(Promise.resolve(1), c.signal)).rejects.toThrow('gone');
    expect(await abortable(Promise.resolve(2))).toBe(2);
  });
});
