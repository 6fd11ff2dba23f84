/**
 * The shareable part of what the user sees, and its encoding in the page URL's query string,
 * so that any view can be bookmarked, reloaded or sent to a colleague.
 */
import type { RegionId } from './regions.ts';

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Toggleable groups of map layers, in the order the layer panel lists them. */
export const LAYER_GROUPS = [
  'districts',
  'functionalZones',
  'towns',
  'water',
  'prefectures',
  'parks',
  'specialtyTowns',
  'enterprises',
  'projects',
  'enterpriseDensity',
  'industryHulls',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

/**
 * The groups drawn from the seeds' places (public/data/places.geojson). They start hidden: the
 * places data and code load only once one is switched on, and URLs written before these
 * groups existed (which list only basemap groups) keep meaning the same map.
 */
export const PLACE_LAYER_GROUPS = [
  'parks',
  'specialtyTowns',
  'enterprises',
  'projects',
  'enterpriseDensity',
  'industryHulls',
] as const satisfies readonly LayerGroup[];
export type PlaceLayerGroup = (typeof PLACE_LAYER_GROUPS)[number];

const PLACE_GROUP_SET: ReadonlySet<string> = new Set(PLACE_LAYER_GROUPS);

/** True for the groups drawn from the places data. */
export function isPlaceLayerGroup(group: LayerGroup): group is PlaceLayerGroup {
  return PLACE_GROUP_SET.has(group);
}

export interface CameraView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  region: RegionId;
  locale: Locale;
  /** Null until the user moves the map: the region's default framing applies. */
  camera: CameraView | null;
  visibleLayers: ReadonlySet<LayerGroup>;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  region: 'huzhou',
  locale: 'zh-CN',
  camera: null,
  visibleLayers: new Set(LAYER_GROUPS.filter((g) => !isPlaceLayerGroup(g))),
};

const REGIONS: readonly RegionId[] = ['huzhou', 'shaoxing'];

/** Camera limits of the embedded tiles; values outside are not a view we can show. */
const ZOOM_RANGE = [3, 18] as const;

function parseCamera(text: string | null): CameraView | null {
  if (!text) return null;
  const parts = text.split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return null;
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

function parseLayers(text: string | null): ReadonlySet<LayerGroup> {
  if (text === null) return DEFAULT_VIEW_STATE.visibleLayers;
  const known = new Set<string>(LAYER_GROUPS);
  return new Set(text.split(',').filter((g): g is LayerGroup => known.has(g)));
}

/**
 * Reads a view from a query string. Unknown or malformed values fall back to the defaults
 * (or to `fallbackLocale` for the language) rather than failing, since URLs get hand-edited.
 */
export function parseViewState(search: string, fallbackLocale: Locale = 'zh-CN'): ViewState {
  const params = new URLSearchParams(search);
  const region = params.get('region');
  const locale = params.get('lang');
  return {
    region: REGIONS.includes(region as RegionId) ? (region as RegionId) : DEFAULT_VIEW_STATE.region,
    locale: LOCALES.includes(locale as Locale) ? (locale as Locale) : fallbackLocale,
    camera: parseCamera(params.get('view')),
    visibleLayers: parseLayers(params.get('layers')),
  };
}

/** Rounds a camera so URLs stay short while keeping sub-metre precision at city zooms. */
function formatCamera({ zoom, lat, lon }: CameraView): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`;
}

/**
 * Writes a view into a query string, keeping any parameters this module does not own
 * (later features add their own). Layers are written only when they differ from the default.
 */
export function serializeViewState(view: ViewState, existingSearch = ''): string {
  const params = new URLSearchParams(existingSearch);
  params.set('region', view.region);
  params.set('lang', view.locale);
  if (view.camera) params.set('view', formatCamera(view.camera));
  else params.delete('view');
  const isDefault = LAYER_GROUPS.every(
    (g) => view.visibleLayers.has(g) === DEFAULT_VIEW_STATE.visibleLayers.has(g),
  );
  if (isDefault) params.delete('layers');
  else params.set('layers', LAYER_GROUPS.filter((g) => view.visibleLayers.has(g)).join(','));
  return `?${params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
}

/** The layer set with one group shown or hidden; sets are replaced, never mutated, so views stay comparable. */
export function withLayerVisibility(
  layers: ReadonlySet<LayerGroup>,
  group: LayerGroup,
  visible: boolean,
): ReadonlySet<LayerGroup> {
  const next = new Set(layers);
  if (visible) next.add(group);
  else next.delete(group);
  return next;
}

/** The URL parameter naming the selected renewal zone, so a zone can be linked to. */
export const ZONE_PARAM = 'zone';

/** Zone ids are random tokens; anything else in the URL is a hand edit and selects nothing. */
const ZONE_ID_PATTERN = /^[\w-]{1,64}$/;

/** The selected zone's id from a query string, or null. */
export function parseSelectedZone(search: string): string | null {
  const id = new URLSearchParams(search).get(ZONE_PARAM);
  return id !== null && ZONE_ID_PATTERN.test(id) ? id : null;
}

/** A query string with the selected zone set (or removed for null), other parameters kept. */
export function withSelectedZone(search: string, zoneId: string | null): string {
  const params = new URLSearchParams(search);
  if (zoneId === null) params.delete(ZONE_PARAM);
  else params.set(ZONE_PARAM, zoneId);
  return `?${params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
}
