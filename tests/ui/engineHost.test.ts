import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/worker/client';
import type { DatasetSummary, SourceSpec } from '../../src/worker/protocol';
import { EngineHost } from '../../src/ui/engineHost';

/** A fake engine worker: records calls; `open` answers when the test says so. */
class FakeWorker {
  readonly calls: string[] = [];
  readonly opens: { spec: SourceSpec; resolve: (s: DatasetSummary) => void }[] = [];
  wasm = 0;
  terminated = false;
  nextId = 1;
  constructor(readonly autoOpen: boolean) {}

  client(): EngineClient {
    const self = { calls: this.calls, opens: this.opens, worker: this };
    return {
      open(spec: SourceSpec) {
        self.calls.push(`open ${name(spec)}`);
        return new Promise<DatasetSummary>((resolve) => {
          const summary = { id: self.worker.nextId++, name: name(spec) } as DatasetSummary;
          if (self.worker.autoOpen) resolve(summary);
          else self.opens.push({ spec, resolve: () => resolve(summary) });
        });
      },
      async close(id: number) {
        self.calls.push(`close ${id}`);
      },
      async cancel(key: string) {
        self.calls.push(`cancel ${key}`);
      },
      async wasmBytes() {
        return self.worker.wasm;
      },
      async summary(id: number) {
        self.calls.push(`summary ${id}`);
        return { id, name: `#${id}` } as DatasetSummary;
      },
      async rows(id: number, start: number, count: number, columns: number[], key?: string, filter?: string) {
        self.calls.push(`rows ${id} ${key}${filter ? ` ${filter}` : ''}`);
        return { start, count, columns: columns.map(() => []), errors: [], chunkStarts: [] };
      },
      async unique(id: number, column: number, _onProgress: unknown, key: string) {
        self.calls.push(`unique ${id} ${column} ${key}`);
        return { columnIndex: column };
      },
      async filter(id: number, expression: string, key: string) {
        self.calls.push(`filter ${id} ${key}`);
        return { status: { text: expression } };
      },
      async cancelFor(id: number, key: string) {
        self.calls.push(`cancelFor ${id} ${key}`);
      },
      terminate() {
        self.worker.terminated = true;
      },
    } as unknown as EngineClient;
  }
}

const name = (spec: SourceSpec) => (spec.kind === 'blob' ? spec.name : spec.url);
const blob = (n: string): SourceSpec => ({ kind: 'blob', blob: new Blob(['x']), name: n });
const tick = () => new Promise((r) => setTimeout(r, 0));

function host(autoOpen = true, autoOpenNext = true) {
  const workers: FakeWorker[] = [];
  const h = new EngineHost(() => {
    const w = new FakeWorker(workers.length ? autoOpenNext : autoOpen);
    workers.push(w);
    return w.client();
  });
  return { h, workers };
}

describe('EngineHost', () => {
  it('speaks in tab ids and scopes cancellation keys per tab', async () => {
    const { h, workers } = host();
    const a = await h.open(7, blob('a'));
    const b = await h.open(9, blob('b'));
    expect([a.id, b.id]).toEqual([7, 9]);
    expect((await h.client.summary(9)).id).toBe(9);
    await h.client.rows(7, 0, 10, [0], 'grid');
    await h.client.rows(9, 0, 10, [0], 'grid');
    expect(workers[0].calls).toContain('summary 2');
    expect(workers[0].calls).toContain('rows 1 grid@7');
    expect(workers[0].calls).toContain('rows 2 grid@9');
  });

  it('scopes a filter per tab: its run and the rows of its view name the tab\'s filter; closing the tab cancels it', async () => {
    const { h, workers } = host();
    await h.open(3, blob('a'));
    await h.open(4, blob('b'));
    await h.client.filter(3, 'x = 1', 'filter');
    await h.client.rows(3, 0, 10, [0], 'grid', 'filter');
    await h.client.rows(4, 0, 10, [0], 'grid');
    expect(workers[0].calls).toEqual(expect.arrayContaining(['filter 1 filter@3', 'rows 1 grid@3 filter@3', 'rows 2 grid@4']));
    await h.close(3);
    expect(workers[0].calls).toContain('cancel filter@3');
  });

  it('closing a tab cancels its keys and closes its file; its calls then fail', async () => {
    const { h, workers } = host();
    await h.open(1, blob('a'));
    await h.client.rows(1, 0, 10, [0], 'grid');
    await h.close(1);
    expect(workers[0].calls.slice(-2)).toEqual(['cancel grid@1', 'close 1']);
    await expect(h.client.summary(1)).rejects.toThrow('This file was closed.');
  });

  it('keys unique counts per tab and column, cancels one by tab, and cancels them all when the tab closes', async () => {
    const { h, workers } = host();
    await h.open(4, blob('a'));
    await h.open(5, blob('b'));
    await h.client.unique(4, 2, () => {}, 'unique:2');
    await h.client.unique(4, 3, () => {}, 'unique:3');
    await h.client.unique(5, 2, () => {}, 'unique:2');
    await h.client.cancelFor(5, 'unique:2');
    expect(workers[0].calls.slice(-4)).toEqual(['unique 1 2 unique:2@4', 'unique 1 3 unique:3@4', 'unique 2 2 unique:2@5', 'cancelFor 2 unique:2@5']);
    await h.close(4);
    expect(workers[0].calls.slice(-3)).toEqual(['cancel unique:2@4', 'cancel unique:3@4', 'close 1']);
  });

  it('a tab closed while its file opens is closed in the worker as soon as it opens, and never added', async () => {
    const { h, workers } = host(false);
    const opening = h.open(1, blob('slow'));
    await tick();
    await h.close(1);
    workers[0].opens[0].resolve({} as DatasetSummary);
    await expect(opening).rejects.toThrow('This file was closed.');
    await tick();
    expect(workers[0].calls).toContain('close 1');
    expect(h.tabs).toEqual([]);
  });

  it("closing a tab while its file opens cancels the open in the worker under the tab's open key", async () => {
    const { h, workers } = host(false);
    void h.open(3, blob('stalled')).catch(() => {});
    await tick();
    await h.close(3);
    expect(workers[0].calls).toEqual(['open stalled', 'cancel open@3']);
  });

  it('restarts only when over budget and idle; a file opened meanwhile waits for the new worker and is not lost', async () => {
    const { h, workers } = host(true, false);
    await h.open(1, blob('kept'));
    await h.open(2, blob('closed'));
    await h.close(2);
    expect(await h.restartIfOver(100)).toBeNull(); // under budget
    workers[0].wasm = 1000;
    const restarting = h.restartIfOver(100);
    while (!workers[1]?.opens.length) await tick(); // the new worker is reopening tab 1
    expect(h.idle).toBe(false);
    // Opened and closed while the restart runs: both wait for the new worker.
    const late = h.open(3, blob('late'));
    const closing = h.close(1);
    await tick();
    expect(workers[0].calls).not.toContain('open late');
    workers[1].opens[0].resolve({} as DatasetSummary);
    const restart = await restarting;
    expect(restart?.heldBytes).toBe(1000);
    expect([...restart!.reopened.keys()]).toEqual([1]); // the closed tab 2 never comes back
    expect(workers[0].terminated).toBe(true);
    while (workers[1].opens.length < 2) await tick();
    workers[1].opens[1].resolve({} as DatasetSummary);
    const opened = await late;
    await closing;
    expect(opened.id).toBe(3);
    expect(workers[1].calls).toEqual(['open kept', 'open late', 'close 1']);
    expect(h.tabs).toEqual([3]);
  });

  it('does not restart while a call is in flight', async () => {
    const { h, workers } = host(false);
    const first = h.open(1, blob('a'));
    await tick();
    workers[0].opens[0].resolve({} as DatasetSummary);
    await first;
    workers[0].wasm = 1000;
    const slow = h.open(2, blob('b'));
    expect(await h.restartIfOver(100)).toBeNull();
    workers[0].opens[1].resolve({} as DatasetSummary);
    await slow;
    expect((await h.restartIfOver(100))?.reopened.size).toBe(2);
  });
});
