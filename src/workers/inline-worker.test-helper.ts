/**
 * A Worker stand-in for tests: runs the real import worker handler in this thread, a task after
 * each message, in order, over the database the test hands in.
 */
import type { MuAtlasDb } from '../persistence/db.ts';
import type { WorkerLike } from '../state/imports-worker.ts';
import {
  createImportHandler,
  type ImportWorkerRequest,
  type ImportWorkerResponse,
} from './import-worker-protocol.ts';

export class InlineImportWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  readonly #handle: ReturnType<typeof createImportHandler>;
  #queue = Promise.resolve();

  constructor(db: MuAtlasDb) {
    this.#handle = createImportHandler(() => db);
  }

  postMessage(message: ImportWorkerRequest): void {
    this.#queue = this.#queue
      .then(() => new Promise((resolve) => setTimeout(resolve)))
      .then(() => {
        if (this.terminated) return;
        return this.#handle(message, (response) => {
          if (!this.terminated) {
            this.onmessage?.({ data: response } as MessageEvent<ImportWorkerResponse>);
          }
        });
      });
  }

  terminate(): void {
    this.terminated = true;
  }
}
