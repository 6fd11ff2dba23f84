/**
 * The page's side of the import worker: one call, one worker, a promise of the preview, progress
 * on the way, and cancellation that ends the worker at once.
 */
import type { ImportFile } from './import-file.ts';
import type { ImportOptions, ImportPreview, ImportProgress } from './import-preview.ts';
import type { ImportWorkerRequest, ImportWorkerResponse } from './import-worker-protocol.ts';

/** The part of a Worker the client uses, so tests can hand in a stand-in. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ImportWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ImportWorkerRequest): void;
  terminate(): void;
}

/** Starts the bundled import worker (Vite builds it as its own chunk). */
export function startImportWorker(): WorkerLike {
  return new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

let nextId = 1;

/**
 * Parses a file in a worker. The bytes are copied to the worker, not transferred, so the caller
 * can re-parse with other options. Rejects with an AbortError when `signal` aborts, and with an
 * Error when the worker fails (a bad file is not a failure: it is a preview with findings).
 */
export function parseInWorker(
  file: ImportFile,
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
  startWorker: () => WorkerLike = startImportWorker,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Import cancelled', 'AbortError'));
      return;
    }
    const id = nextId++;
    const worker = startWorker();
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('Import cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const records: ImportPreview['records'] = [];
    const rejected: ImportPreview['rejected'] = [];
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'chunk') {
        for (const record of data.records) records.push(record);
        for (const row of data.rejected) rejected.push(row);
      } else if (data.type === 'result') {
        finish();
        resolve({ ...data.preview, records, rejected });
      } else {
        finish();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'import worker failed'));
    };
    worker.postMessage({ type: 'parse', id, file, options });
  });
}
