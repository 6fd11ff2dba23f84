/**
 * The page's side of the import worker: requests with progress and a promised answer, one worker
 * per file being imported (it holds that file's records until commit; cancelling ends it at once)
 * and one more, long-lived, that reads stored layers, cuts and serves their map tiles, and joins
 * them to the seeds.
 */
import type { ImportFile, ImportOptions, ImportProgress } from '../domain/imports/index.ts';
import type { CommitProgress } from '../workers/import-session.ts';
import type {
  ImportWorkerReplies,
  ImportWorkerRequest,
  ImportWorkerResponse,
} from '../workers/import-worker-protocol.ts';
import type { ImportEngine, ParsedImport } from './imports.svelte.ts';

/** The part of a Worker the client uses, so tests can hand in a stand-in. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ImportWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ImportWorkerRequest): void;
  terminate(): void;
}

/** Starts the bundled import worker (Vite builds it as its own chunk). */
export function startImportWorker(): WorkerLike {
  return new Worker(new URL('../workers/import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

type Op = ImportWorkerRequest['op'];
type Body<O extends Op> = Omit<Extract<ImportWorkerRequest, { op: O }>, 'id' | 'op'>;

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ImportProgress | CommitProgress) => void;
}

/** One worker and its requests in flight. */
export class ImportWorkerClient {
  readonly #worker: WorkerLike;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #ended = false;

  constructor(startWorker: () => WorkerLike = startImportWorker) {
    this.#worker = startWorker();
    this.#worker.onmessage = ({ data }) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      if (data.type === 'progress') pending.onProgress?.(data.progress);
      else {
        this.#pending.delete(data.id);
        if (data.type === 'done') pending.resolve(data.value as never);
        else pending.reject(new Error(data.message));
      }
    };
    this.#worker.onerror = (event) =>
      this.#failAll(new Error(event.message || 'import worker failed'));
  }

  /** Sends one request; the answer's type follows from the operation. */
  request<O extends Op>(
    op: O,
    body: Body<O>,
    onProgress?: (progress: ImportProgress | CommitProgress) => void,
  ): Promise<ImportWorkerReplies[O]> {
    if (this.#ended) return Promise.reject(new DOMException('Import cancelled', 'AbortError'));
    const id = this.#nextId++;
    return new Promise<ImportWorkerReplies[O]>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
      this.#worker.postMessage({ ...body, id, op } as unknown as ImportWorkerRequest);
    });
  }

  /** Ends the worker; requests in flight reject with an AbortError. */
  terminate(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker.terminate();
    this.#failAll(new DOMException('Import cancelled', 'AbortError'));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * The import engine over workers. The bytes are copied to the worker, not transferred, so the
 * page can re-parse with other options.
 */
export function workerImportEngine(
  startWorker: () => WorkerLike = startImportWorker,
): ImportEngine {
  let reader: ImportWorkerClient | null = null;
  const readerClient = () => (reader ??= new ImportWorkerClient(startWorker));
  return {
    async parse(
      file: ImportFile,
      options: ImportOptions,
      onProgress: (progress: ImportProgress) => void,
      signal: AbortSignal,
    ): Promise<ParsedImport> {
      if (signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
      const client = new ImportWorkerClient(startWorker);
      const onAbort = () => client.terminate();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const summary = await client.request('parse', { file, options }, (p) => {
          if ('phase' in p) onProgress(p);
        });
        return {
          summary,
          rejectedRows: (offset, count) => client.request('rejected', { offset, count }),
          commit: (choice, onCommitProgress) =>
            client.request('commit', { choice }, (p) => {
              if ('written' in p) onCommitProgress(p);
            }),
          dispose: () => client.terminate(),
        };
      } catch (error) {
        client.terminate();
        throw error;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    drawing: (layerId) => readerClient().request('drawing', { layerId }),
    tiles: {
      tile: (layerId, layer, z, x, y) =>
        readerClient().request('tile', { layerId, layer, z, x, y }),
      clusterExpansionZoom: (layerId, clusterId) =>
        readerClient().request('clusterZoom', { layerId, clusterId }),
    },
    forget: (layerId) => void readerClient().request('forget', { layerId }),
    join: (layerId, seeds) => readerClient().request('join', { layerId, seeds: [...seeds] }),
    dispose: () => reader?.terminate(),
  };
}
