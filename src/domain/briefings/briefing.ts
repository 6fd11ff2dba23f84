/**
 * A briefing for leaders: an ordered list of slides, each a captured map view with its title,
 * notes and KPI cards. Pure data; storage adds `revision`.
 */

/** One slide. The view fields are filled in by the briefing feature (issue 6). */
export interface BriefingSlide {
  id: string;
  title: string;
  subtitle: string;
  speakerNotes: string;
  /** The captured view, as the app's own URL query string (region, camera, indicator, …). */
  viewQuery: string;
  /** Which KPI cards the slide shows, by KPI id; values are computed when shown. */
  kpiIds: string[];
}

export interface Briefing {
  id: string;
  title: string;
  slides: BriefingSlide[];
  createdAt: string;
  updatedAt: string;
}
