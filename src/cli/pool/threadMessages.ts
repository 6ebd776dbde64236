import type { FileLocation } from '../../model/errors';
import type { ExportShare, GatheredShare, GatherJob } from '../../compute/export/gatherShare';
import type { JobSpec, Share, WireResult } from './poolJobs';

/** From the command to a pool thread: a file to open ahead; a job on a file, then shares of it, then its end. */
export type ToThread =
  | { type: 'open'; path: string }
  | { type: 'begin'; job: number; path: string; spec: JobSpec }
  | { type: 'share'; job: number; share: Share }
  | { type: 'finish'; job: number }
  | { type: 'gather'; job: number; path: string; gather: GatherJob; share: ExportShare };

/** An error as it crosses back (its class does not): enough to print it as the command's own would be. */
export interface ThreadError {
  name: string;
  message: string;
  where?: FileLocation;
  stillWorks?: string;
  code?: string;
}

export type FromThread =
  | { type: 'done'; job: number; rows: number }
  | { type: 'result'; job: number; result: WireResult }
  | { type: 'gathered'; job: number; result: GatheredShare }
  | { type: 'error'; job: number; error: ThreadError };
