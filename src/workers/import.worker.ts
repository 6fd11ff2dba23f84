/**
 * The import worker: parses a file off the main thread and keeps its records here, stores a
 * committed layer in IndexedDB itself and draws stored layers as GeoJSON text, so the page never
 * unpacks 200,000 records. Driven by src/state/imports-worker.ts.
 */
import { MuAtlasDb } from '../persistence/db.ts';
import {
  createImportHandler,
  type ImportWorkerRequest,
  type ImportWorkerResponse,
} from './import-worker-protocol.ts';

/** The part of the worker global scope used here (the DOM lib does not type workers). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
};

const handle = createImportHandler(() => new MuAtlasDb());

// Requests run one after another: a commit must not start while the parse it commits runs.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data, (response) => scope.postMessage(response)));
};
