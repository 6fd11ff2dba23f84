/**
 * A briefing for leaders: an ordered list of slides, each a captured map view with its title,
 * notes and KPI cards. Pure data; storage adds `revision`.
 */
import type { BoundsLonLat } from '../regions.ts';

/** One slide: a map view the app can return to, with the words said over it. */
export interface BriefingSlide {
  id: string;
  title: string;
  subtitle: string;
  speakerNotes: string;
  /** The captured view, as the app's own URL query string (region, camera, indicator, …). */
  viewQuery: string;
  /**
   * What the map showed when the view was captured (west, south, east, north, WGS-84 degrees):
   * "in view" KPIs count what lies inside it. Null when the map had not drawn yet.
   */
  boundsLonLat: BoundsLonLat | null;
  /** Which KPI cards the slide shows, by KPI id; values are computed when shown. */
  kpiIds: string[];
  /**
   * A small picture of the map when the view was captured, as a `data:image/…` URL, so the
   * slide list reads at a glance; absent on slides made before thumbnails or when none could
   * be drawn.
   */
  thumbnailDataUrl?: string;
}

export interface Briefing {
  id: string;
  title: string;
  slides: BriefingSlide[];
  /** ISO times. */
  createdAt: string;
  updatedAt: string;
}
