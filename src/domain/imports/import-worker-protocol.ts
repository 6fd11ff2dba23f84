/**
 * Messages between the page and the import worker, and the worker's side of them as a plain
 * function, so the protocol is tested in Node without a Worker.
 */
import { parseImportFile, type ImportFile } from './import-file.ts';
import type { ImportOptions, ImportPreview, ImportProgress } from './import-preview.ts';

export interface ImportWorkerRequest {
  type: 'parse';
  id: number;
  file: ImportFile;
  options: ImportOptions;
}

export type ImportWorkerResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; preview: ImportPreview }
  | { type: 'failure'; id: number; message: string };

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
    post({ type: 'result', id: request.id, preview });
  } catch (error) {
    // parseImportFile reports bad files as findings; this is for the unexpected (out of memory).
    post({ type: 'failure', id: request.id, message: String((error as Error)?.message ?? error) });
  }
}
