/**
 * Drawing and reshaping one renewal zone with terra-draw. Its store holds only the draft being
 * drawn or edited; saved zones are drawn by zones.layer.ts, so the two never mix and a
 * cancelled edit leaves the stored zone as it was.
 */
import type { Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawFreehandMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { snapPosition, snapRingsOf, type SnapRing } from './zone-snap.ts';

/** What the toolbar switches between; `idle` lets the map pan and click as usual. */
export type ZoneDrawMode = 'polygon' | 'rectangle' | 'freehand' | 'select' | 'idle';

const SHAPE_MODES = ['polygon', 'rectangle', 'freehand'] as const;

/**
 * The draft's outline as terra-draw holds it (any winding; normalise before storing), live
 * while the pointer moves (`finished` false) and once it is let go.
 */
export interface ZoneShape {
  geometry: Polygon;
  finished: boolean;
}

export interface ZoneDrawOptions {
  /** Called with the draft's outline on every change; null once the draft is gone. */
  onShape: (shape: ZoneShape | null) => void;
  /** Called when the active mode changes, e.g. to select after a shape is finished. */
  onMode?: (mode: ZoneDrawMode) => void;
}

/** The draft's colour: dark and dashed-looking against the phase colours of saved zones. */
const DRAFT_COLOUR = '#1f2937';
const DRAFT_FILL = '#fde68a';

function isShapeFeature(
  feature: GeoJSONStoreFeatures | undefined,
): feature is GeoJSONStoreFeatures & {
  geometry: Polygon;
} {
  const mode = feature?.properties['mode'];
  return (
    feature?.geometry.type === 'Polygon' &&
    typeof mode === 'string' &&
    (SHAPE_MODES as readonly string[]).includes(mode)
  );
}

/**
 * One terra-draw instance on the map, with polygon, rectangle and freehand drawing, a select
 * mode to move, reshape and delete vertices, and snapping to district boundaries and other
 * zones. Only one draft exists at a time: starting a new shape drops the previous one.
 */
export class ZoneDraw {
  readonly #draw: TerraDraw;
  readonly #options: ZoneDrawOptions;
  #snapRings: SnapRing[] = [];
  #draftId: string | number | null = null;
  #mode: ZoneDrawMode = 'idle';

  constructor(map: MapLibreMap, options: ZoneDrawOptions) {
    this.#options = options;
    const toCustom: SnapToCustom = (event, context) =>
      snapPosition(
        { lng: event.lng, lat: event.lat, x: event.containerX, y: event.containerY },
        this.#snapRings,
        context,
      );
    const shapeFlags = {
      feature: {
        draggable: true,
        coordinates: {
          draggable: true,
          midpoints: true,
          deletable: true,
          snappable: { toCustom },
        },
      },
    };
    this.#draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'zone-draft' }),
      modes: [
        new TerraDrawPolygonMode({
          snapping: { toCustom },
          styles: { fillColor: DRAFT_FILL, fillOpacity: 0.35, outlineColor: DRAFT_COLOUR },
        }),
        new TerraDrawRectangleMode({
          styles: { fillColor: DRAFT_FILL, fillOpacity: 0.35, outlineColor: DRAFT_COLOUR },
        }),
        new TerraDrawFreehandMode({
          styles: { fillColor: DRAFT_FILL, fillOpacity: 0.35, outlineColor: DRAFT_COLOUR },
        }),
        new TerraDrawSelectMode({
          flags: { polygon: shapeFlags, rectangle: shapeFlags, freehand: shapeFlags },
          // Deleting the zone is the toolbar's job (with the undo journal), not a stray key's.
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          styles: {
            selectedPolygonColor: DRAFT_FILL,
            selectedPolygonFillOpacity: 0.35,
            selectedPolygonOutlineColor: DRAFT_COLOUR,
          },
        }),
      ],
    });
    this.#draw.start();
    this.#draw.setMode('static');
    this.#draw.on('change', (ids, type) => this.#onChange(ids, type));
    this.#draw.on('finish', (id) => this.#onFinish(id));
  }

  /** The active mode. */
  get mode(): ZoneDrawMode {
    return this.#mode;
  }

  /** True while a shape is being drawn and not yet closed. */
  get drawing(): boolean {
    return this.#draw.getModeState() === 'drawing';
  }

  /** Switches the tool; shape modes drop an unsaved draft so a fresh shape can start. */
  setMode(mode: ZoneDrawMode): void {
    if ((SHAPE_MODES as readonly string[]).includes(mode)) this.clear();
    this.#mode = mode;
    this.#draw.setMode(mode === 'idle' ? 'static' : mode);
    this.#options.onMode?.(mode);
  }

  /**
   * Puts a copy of a stored zone's outline in the draft and selects it, so its body can be
   * dragged and its vertices moved, added (midpoints) or deleted (right click).
   */
  edit(geometry: Polygon): void {
    this.clear();
    const [result] = this.#draw.addFeatures([
      { type: 'Feature', geometry, properties: { mode: 'polygon' } },
    ]);
    if (!result?.valid) return;
    this.#draftId = result.id as string | number;
    this.#mode = 'select';
    this.#draw.setMode('select');
    this.#draw.selectFeature(result.id as string | number);
    this.#options.onMode?.('select');
  }

  /** Drops the draft (nothing stored changes). */
  clear(): void {
    const id = this.#draftId;
    this.#draftId = null;
    if (id !== null && this.#draw.hasFeature(id)) this.#draw.removeFeatures([id]);
    this.#options.onShape(null);
  }

  /** Takes back the last vertex of the shape being drawn; false when there is none. */
  undoVertex(): boolean {
    return this.drawing && this.#draw.canUndo() ? this.#draw.undo() : false;
  }

  /** Puts back the vertex `undoVertex` took; false when there is none. */
  redoVertex(): boolean {
    return this.drawing && this.#draw.canRedo() ? this.#draw.redo() : false;
  }

  /** The outlines a pointer snaps to: district boundaries and the other zones' rings. */
  setSnapTargets(rings: readonly (readonly Position[])[]): void {
    this.#snapRings = snapRingsOf(rings);
  }

  /** Removes terra-draw's layers and listeners from the map. */
  remove(): void {
    this.#draw.stop();
  }

  #report(id: string | number, finished: boolean): void {
    const feature = this.#draw.getSnapshotFeature(id);
    if (!isShapeFeature(feature)) return;
    this.#options.onShape({ geometry: feature.geometry, finished });
  }

  #onChange(ids: (string | number)[], type: string): void {
    if (type === 'styling') return;
    for (const id of ids) {
      if (type === 'delete') {
        if (id === this.#draftId) {
          this.#draftId = null;
          this.#options.onShape(null);
        }
        continue;
      }
      const feature = this.#draw.getSnapshotFeature(id);
      if (!isShapeFeature(feature)) continue;
      if (this.#draftId !== null && this.#draftId !== id) {
        // A new shape replaces the old draft; removed after this event, not inside it.
        const stale = this.#draftId;
        queueMicrotask(() => {
          if (this.#draw.hasFeature(stale)) this.#draw.removeFeatures([stale]);
        });
      }
      this.#draftId = id;
      this.#report(id, false);
    }
  }

  #onFinish(id: string | number): void {
    if (id !== this.#draftId) return;
    this.#report(id, true);
  }
}
