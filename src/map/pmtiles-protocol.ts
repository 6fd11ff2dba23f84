import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

/** Lets MapLibre read `pmtiles://` URLs through HTTP range requests; idempotent. */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  addProtocol('pmtiles', new Protocol().tile);
  registered = true;
}
