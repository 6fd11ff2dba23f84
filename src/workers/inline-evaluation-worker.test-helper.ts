/**
 * A Worker stand-in for tests: runs the real evaluation worker handler in this thread, a task
 * after each message, in order, over the database the test hands in.
 */
import type { MuAtlasDb } from '../persistence/db.ts';
import type { EvaluationWorkerLike } from '../state/evaluation-worker.ts';
import {
  createEvaluationHandler,
  type EvaluationWorkerRequest,
  type EvaluationWorkerResponse,
} from './evaluation-worker-protocol.ts';

export class InlineEvaluationWorker implements EvaluationWorkerLike {
  onmessage: EvaluationWorkerLike['onmessage'] = null;
  onerror: EvaluationWorkerLike['onerror'] = null;
  terminated = false;
  readonly #handler: ReturnType<typeof createEvaluationHandler>;
  #queue = Promise.resolve();

  constructor(db: MuAtlasDb) {
    this.#handler = createEvaluationHandler(() => db);
  }

  postMessage(message: EvaluationWorkerRequest): void {
    this.#handler.received(message);
    this.#queue = this.#queue
      .then(() => new Promise((resolve) => setTimeout(resolve)))
      .then(() => {
        if (this.terminated) return;
        return this.#handler.handle(message, (response) => {
          if (!this.terminated) {
            this.onmessage?.({ data: response } as MessageEvent<EvaluationWorkerResponse>);
          }
        });
      });
  }

  terminate(): void {
    this.terminated = true;
  }
}
