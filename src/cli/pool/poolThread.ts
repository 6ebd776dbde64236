import { parentPort } from 'node:worker_threads';
import { openDataset } from '../../dataset/openDataset';
import type { FileLocation } from '../../model/errors';
import type { Dataset } from '../../model/types';
import { NodeFileSource } from '../../source/nodeFileSource';
import { gatherShare } from '../../compute/export/gatherShare';
import { jobWork, type JobWork } from './poolJobs';
import type { FromThread, ToThread } from './threadMessages';

// One thread of the command's pool (threadPool.ts): opens the file itself (headers and index only),
// then works through the shares of chunks it is handed, one message at a time, in order.

const opened = new Map<string, Promise<Dataset>>();

async function datasetAt(path: string): Promise<Dataset> {
  let dataset = opened.get(path);
  if (!dataset) {
    dataset = NodeFileSource.open(path).then(async (source) => {
      const d = await openDataset(source);
      await d.indexed;
      return d;
    });
    opened.set(path, dataset);
  }
  return dataset;
}

const jobs = new Map<number, Promise<JobWork>>();
const port = parentPort!;
const post = (message: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function handle(message: ToThread): Promise<void> {
  if (message.type === 'open') {
    datasetAt(message.path).catch(() => {}); // a failed open is reported by the job that needs the file
    return;
  }
  const { job } = message;
  try {
    if (message.type === 'gather') {
      const result = await gatherShare(await datasetAt(message.path), message.gather, message.share);
      post({ type: 'gathered', job, result }, [result.ipc.buffer as ArrayBuffer]);
    } else if (message.type === 'begin') {
      const work = datasetAt(message.path).then((d) => jobWork(d, message.spec));
      work.catch(() => {}); // reported by the share that awaits it
      jobs.set(job, work);
    } else if (message.type === 'share') {
      const rows = await (await jobs.get(job)!).share(message.share);
      post({ type: 'done', job, rows });
    } else {
      const work = await jobs.get(job)!;
      jobs.delete(job);
      const { result, transfer } = work.finish();
      post({ type: 'result', job, result }, transfer);
    }
  } catch (e) {
    jobs.delete(job);
    const error = e as Error & { where?: FileLocation; stillWorks?: string };
    post({ type: 'error', job, error: { name: error?.name ?? 'Error', message: error?.message ?? String(e), where: error?.where, stillWorks: error?.stillWorks, code: (e as NodeJS.ErrnoException)?.code } });
  }
}

let queue = Promise.resolve();
port.on('message', (message: ToThread) => {
  queue = queue.then(() => handle(message));
});
