/**
 * Messages between the page and the import worker, and the worker's side of them as a plain
 * function, so the protocol is tested in Node without a Worker.
 */
import { parseImportFile, type ImportFile } from './import-file.ts';
import type {
  ImportOptions,
  ImportPreview,
  ImportProgress,
  RecordDraft,
  RejectedRow,
} from './import-preview.ts';

export interface ImportWorkerRequest {
  type: 'parse';
  id: number;
  file: ImportFile;
  options: ImportOptions;
}

export type ImportWorkerResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  /** A slice of the preview's records and rejected rows, in order; the result follows them. */
  | { type: 'chunk'; id: number; records: RecordDraft[]; rejected: RejectedRow[] }
  /** The preview, its `records` and `rejected` emptied: they came in the chunks before. */
  | { type: 'result'; id: number; preview: ImportPreview }
  | { type: 'failure'; id: number; message: string };

/**
 * Records per message. The page deserialises each message in one task; 200,000 records in one
 * message would hold the main thread for far longer than the 100 ms issue 7 allows, slices of
 * this size take a few milliseconds each.
 */
export const CHUNK_RECORDS = 5_000;

/** Progress messages are sent at most this often, so posting never costs more than parsing. */
export const PROGRESS_INTERVAL_MS = 50;

/** Parses one request, posting throttled progress and then the result (or a failure). */
export function handleImportRequest(
  request: ImportWorkerRequest,
  post: (response: ImportWorkerResponse) => void,
  now: () => number = () => performance.now(),
): void {
  let lastPost = -Infinity;
  const onProgress = (progress: ImportProgress) => {
    const t = now();
    if (t - lastPost < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
    lastPost = t;
    post({ type: 'progress', id: request.id, progress });
  };
  try {
    const preview = parseImportFile(request.file, request.options, onProgress);
    const { records, rejected } = preview;
    for (let start = 0; start < Math.max(records.length, rejected.length); start += CHUNK_RECORDS) {
      post({
        type: 'chunk',
        id: request.id,
        records: records.slice(start, start + CHUNK_RECORDS),
        rejected: rejected.slice(start, start + CHUNK_RECORDS),
      });
    }
    post({ type: 'result', id: request.id, preview: { ...preview, records: [], rejected: [] } });
  } catch (error) {
    // parseImportFile reports bad files as findings; this is for the unexpected (out of memory).
    post({ type: 'failure', id: request.id, message: String((error as Error)?.message ?? error) });
  }
}
