/**
 * Messages between the page and the evaluation worker, and the worker's side of them as a plain
 * function over an {@link EvaluationSession}, so the protocol is tested in Node without a Worker.
 */
import type { EvaluatedEnterprise } from '../domain/evaluation/evaluate-layer.ts';
import type { EvaluationView } from '../domain/evaluation/evaluation-view.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { EvaluationSession, type EvaluationRequest } from './evaluation-session.ts';

/** Every request, by operation. */
export type EvaluationWorkerRequest =
  | { id: number; op: 'evaluate'; request: EvaluationRequest }
  | { id: number; op: 'rows'; offset: number; count: number };

/** What each operation answers with. */
export interface EvaluationWorkerReplies {
  evaluate: EvaluationView;
  rows: EvaluatedEnterprise[];
}

export type EvaluationWorkerResponse =
  | { id: number; type: 'done'; value: EvaluationWorkerReplies[keyof EvaluationWorkerReplies] }
  /** A newer evaluation was asked for before this one started, so it was not run. */
  | { id: number; type: 'superseded' }
  | { id: number; type: 'failure'; message: string };

/**
 * The worker's request handler: one session and the database opened on first need. Requests
 * are handled one after another; an evaluation still waiting when a newer one arrives is
 * answered `superseded` instead of run, so dragging a weight does not queue up evaluations.
 */
export function createEvaluationHandler(openDb: () => MuAtlasDb): {
  /** Call as each request arrives, before it is handled. */
  received(request: EvaluationWorkerRequest): void;
  handle(
    request: EvaluationWorkerRequest,
    post: (response: EvaluationWorkerResponse) => void,
  ): Promise<void>;
} {
  const session = new EvaluationSession();
  let db: MuAtlasDb | null = null;
  let latestEvaluation = 0;
  return {
    received(request) {
      if (request.op === 'evaluate') latestEvaluation = Math.max(latestEvaluation, request.id);
    },
    async handle(request, post) {
      try {
        if (request.op === 'evaluate') {
          if (request.id < latestEvaluation) {
            post({ id: request.id, type: 'superseded' });
            return;
          }
          const value = await session.evaluate((db ??= openDb()), request.request);
          post({ id: request.id, type: 'done', value });
        } else {
          post({
            id: request.id,
            type: 'done',
            value: session.rows(request.offset, request.count),
          });
        }
      } catch (error) {
        post({
          id: request.id,
          type: 'failure',
          message: String((error as Error)?.message ?? error),
        });
      }
    },
  };
}
