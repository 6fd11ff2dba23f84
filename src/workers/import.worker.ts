/**
 * The import worker: parses a file off the main thread so a 100 MB table leaves the page
 * responsive, and reports progress for the wizard's bar. Started by
 * src/domain/imports/import-client.ts, one worker per parse.
 */
import {
  handleImportRequest,
  type ImportWorkerRequest,
  type ImportWorkerResponse,
} from '../domain/imports/import-worker-protocol.ts';

/** The part of the worker global scope used here (the DOM lib does not type workers). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
};

scope.onmessage = (event) => {
  handleImportRequest(event.data, (response) => scope.postMessage(response));
};
