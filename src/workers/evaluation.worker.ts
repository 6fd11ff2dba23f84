/**
 * The evaluation worker: reads the evaluated layer's records and runs the per-mu evaluation off
 * the main thread, answering with what the page shows. Driven by src/state/evaluation-worker.ts.
 */
import { MuAtlasDb } from '../persistence/db.ts';
import {
  createEvaluationHandler,
  type EvaluationWorkerRequest,
  type EvaluationWorkerResponse,
} from './evaluation-worker-protocol.ts';

/** The part of the worker global scope used here (the DOM lib does not type workers). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EvaluationWorkerRequest>) => void) | null;
  postMessage(message: EvaluationWorkerResponse): void;
};

const handler = createEvaluationHandler(() => new MuAtlasDb());

let queue = Promise.resolve();
scope.onmessage = (event) => {
  handler.received(event.data);
  queue = queue.then(() => handler.handle(event.data, (response) => scope.postMessage(response)));
};
