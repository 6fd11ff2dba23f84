/**
 * The places filter worker: runs the planners' filter over every place and writes the filtered
 * sources' GeoJSON off the main thread. Driven by src/map/places.layer.ts.
 */
import {
  createPlacesFilterHandler,
  type PlacesFilterRequest,
  type PlacesFilterResponse,
} from './places-filter-protocol.ts';

/** The part of the worker global scope used here (the DOM lib does not type workers). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PlacesFilterRequest>) => void) | null;
  postMessage(message: PlacesFilterResponse): void;
};

const handle = createPlacesFilterHandler();

scope.onmessage = (event) => {
  const response = handle(event.data);
  if (response) scope.postMessage(response);
};
