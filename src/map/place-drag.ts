/**
 * Dragging one place to its true spot: while enabled, a draggable MapLibre marker sits on the
 * place, and letting it go reports where. Pointer and keyboard both work (a draggable default
 * marker takes focus and moves with the arrow keys). The caller stores the point; the marker
 * only reports it.
 */

import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

/** The marker's colour, apart from the industry colours of the places layer. */
export const PLACE_DRAG_MARKER_COLOUR = '#1d6fe0';

/** The CSS class on the drag marker, for styling and for tests to find it. */
export const PLACE_DRAG_MARKER_CLASS = 'place-drag-marker';

export interface PlaceDragOptions {
  /** Where the place is shown now (WGS-84). */
  lon: number;
  lat: number;
  /** The marker's accessible name, e.g. "拖动以校正“某公司”的位置". */
  label: string;
  /** Called once per drag, when the marker is let go, with the new point (WGS-84). */
  onDrop: (lon: number, lat: number) => void;
}

/**
 * Puts a draggable marker on the map at a place; returns the cleanup that removes it, so a
 * Svelte `$effect` is one line.
 */
export function startPlaceDrag(map: MapLibreMap, options: PlaceDragOptions): () => void {
  const marker = new Marker({
    draggable: true,
    color: PLACE_DRAG_MARKER_COLOUR,
    className: PLACE_DRAG_MARKER_CLASS,
  })
    .setLngLat([options.lon, options.lat])
    .addTo(map);
  const element = marker.getElement();
  element.setAttribute('aria-label', options.label);
  element.title = options.label;
  const onDragEnd = () => {
    const { lng, lat } = marker.getLngLat();
    options.onDrop(lng, lat);
  };
  marker.on('dragend', onDragEnd);
  return () => {
    marker.off('dragend', onDragEnd);
    marker.remove();
  };
}
