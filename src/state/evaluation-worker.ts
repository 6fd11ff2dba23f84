/**
 * The page's side of the evaluation worker: requests with a promised answer. An evaluation a
 * newer one overtook rejects with an AbortError, which the state ignores.
 */
import type { EvaluatedEnterprise } from '../domain/evaluation/evaluate-layer.ts';
import type { EvaluationView } from '../domain/evaluation/evaluation-view.ts';
import type { EvaluationRequest } from '../workers/evaluation-session.ts';
import type {
  EvaluationWorkerReplies,
  EvaluationWorkerRequest,
  EvaluationWorkerResponse,
} from '../workers/evaluation-worker-protocol.ts';

/** The part of a Worker the client uses, so tests can hand in a stand-in. */
export interface EvaluationWorkerLike {
  onmessage: ((event: MessageEvent<EvaluationWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: EvaluationWorkerRequest): void;
  terminate(): void;
}

/** Where the evaluation runs; the state reads nothing else of it. */
export interface EvaluationEngine {
  evaluate(request: EvaluationRequest): Promise<EvaluationView>;
  /** Rows of the last evaluation's table, in its order. */
  rows(offset: number, count: number): Promise<EvaluatedEnterprise[]>;
  dispose(): void;
}

/** Starts the bundled evaluation worker (Vite builds it as its own chunk). */
export function startEvaluationWorker(): EvaluationWorkerLike {
  return new Worker(new URL('../workers/evaluation.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as EvaluationWorkerLike;
}

type Op = EvaluationWorkerRequest['op'];
type Body<O extends Op> = Omit<Extract<EvaluationWorkerRequest, { op: O }>, 'id' | 'op'>;

/** The evaluation engine over one worker, started on the first request. */
export function workerEvaluationEngine(
  startWorker: () => EvaluationWorkerLike = startEvaluationWorker,
): EvaluationEngine {
  let worker: EvaluationWorkerLike | null = null;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const started = (): EvaluationWorkerLike => {
    if (worker) return worker;
    const w = startWorker();
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.type === 'done') p.resolve(data.value as never);
      else if (data.type === 'superseded') {
        p.reject(new DOMException('Evaluation superseded', 'AbortError'));
      } else p.reject(new Error(data.message));
    };
    w.onerror = (event) => {
      // A worker that failed to start or crashed is started again on the next request.
      worker = null;
      failAll(new Error(event.message || 'evaluation worker failed'));
    };
    return (worker = w);
  };
  function request<O extends Op>(op: O, body: Body<O>): Promise<EvaluationWorkerReplies[O]> {
    const id = nextId++;
    return new Promise<EvaluationWorkerReplies[O]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject });
      started().postMessage({ ...body, id, op } as unknown as EvaluationWorkerRequest);
    });
  }
  return {
    evaluate: (r) => request('evaluate', { request: r }),
    rows: (offset, count) => request('rows', { offset, count }),
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(new DOMException('Evaluation closed', 'AbortError'));
    },
  };
}
