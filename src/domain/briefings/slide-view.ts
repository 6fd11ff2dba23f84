/**
 * What a slide's captured query string says, read with the app's own URL readers, so a slide
 * means exactly what the same URL would mean when opened.
 */
import { parseHeatmapView, type HeatmapView } from '../heatmap-view.ts';
import { cityOfRegion, type RegionId } from '../regions.ts';
import { parseViewState, type CameraView, type LayerGroup } from '../view-state.ts';

/** Parameters a slide never carries: the language is the presenter's, not the slide's. */
const PRESENTER_PARAMS = ['lang'] as const;

export interface SlideView {
  region: RegionId;
  cityCode: string;
  camera: CameraView | null;
  visibleLayers: ReadonlySet<LayerGroup>;
  heatmap: HeatmapView;
}

/** Reads a slide's view query. Malformed parts fall back to the app's defaults, as in a URL. */
export function readSlideView(viewQuery: string): SlideView {
  const view = parseViewState(viewQuery);
  return {
    region: view.region,
    cityCode: cityOfRegion(view.region).code,
    camera: view.camera,
    visibleLayers: view.visibleLayers,
    heatmap: parseHeatmapView(viewQuery),
  };
}

/** The page's query as a slide keeps it: without the language, so slides follow the presenter. */
export function captureViewQuery(pageSearch: string): string {
  const params = new URLSearchParams(pageSearch);
  for (const name of PRESENTER_PARAMS) params.delete(name);
  const text = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

/** The query to show a slide in the presenter's language. */
export function queryInLocale(viewQuery: string, locale: string): string {
  const params = new URLSearchParams(viewQuery);
  params.set('lang', locale);
  return `?${params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
}
