import { describe, expect, it } from 'vitest';
import { IdleWarm } from '../../src/worker/idleWarm';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IdleWarm', () => {
  it('warms once reads have paused, not while they keep coming', async () => {
    const idle = new IdleWarm(60);
    let warmed = 0;
    idle.schedule(() => warmed++);
    for (let i = 0; i < 6; i++) {
      await wait(25);
      idle.busy(); // a row read every 25 ms: never 60 ms idle
    }
    expect(warmed).toBe(0);
    await wait(120);
    expect(warmed).toBe(1);
    idle.busy(); // nothing pending: nothing runs again
    await wait(120);
    expect(warmed).toBe(1);
  });

  it('a later file replaces the pending warm-up', async () => {
    const idle = new IdleWarm(30);
    const done: string[] = [];
    idle.schedule(() => done.push('first'));
    idle.schedule(() => done.push('second'));
    await wait(90);
    expect(done).toEqual(['second']);
  });
});
