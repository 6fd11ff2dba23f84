/**
 * Edits of a briefing as pure functions: each returns a new briefing (the input is untouched)
 * with `updatedAt` moved on, so the editor can hand the result straight to storage and a failed
 * write leaves the shown briefing as it was.
 */
import type { BoundsLonLat } from '../regions.ts';
import type { Briefing, BriefingSlide } from './briefing.ts';

/** The clock and id source of an edit; tests pass fixed ones. */
export interface EditContext {
  /** ISO time of the edit. */
  now: string;
  newId: () => string;
}

/** The words of a slide a user edits. */
export type SlideText = Pick<BriefingSlide, 'title' | 'subtitle' | 'speakerNotes'>;

/** A new, empty briefing. */
export function createBriefing(title: string, ctx: EditContext): Briefing {
  return {
    id: ctx.newId(),
    title: title.trim(),
    slides: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

function touched(briefing: Briefing, slides: BriefingSlide[], ctx: EditContext): Briefing {
  return { ...briefing, slides, updatedAt: ctx.now };
}

/** The view being captured as a slide, with the KPIs to show on it. */
export interface CapturedView {
  title: string;
  viewQuery: string;
  boundsLonLat: BoundsLonLat | null;
  kpiIds: readonly string[];
  thumbnailDataUrl?: string;
}

/** Adds the current view as a slide after `afterIndex` (at the end when omitted). */
export function addSlide(
  briefing: Briefing,
  view: CapturedView,
  ctx: EditContext,
  afterIndex = briefing.slides.length - 1,
): Briefing {
  const slide: BriefingSlide = {
    id: ctx.newId(),
    title: view.title.trim(),
    subtitle: '',
    speakerNotes: '',
    viewQuery: view.viewQuery,
    boundsLonLat: view.boundsLonLat,
    kpiIds: [...view.kpiIds],
    ...(view.thumbnailDataUrl === undefined ? {} : { thumbnailDataUrl: view.thumbnailDataUrl }),
  };
  const at = Math.min(Math.max(afterIndex + 1, 0), briefing.slides.length);
  return touched(briefing, briefing.slides.toSpliced(at, 0, slide), ctx);
}

/** Places a copy of a slide (new id) right after it; unchanged when the id is unknown. */
export function duplicateSlide(briefing: Briefing, slideId: string, ctx: EditContext): Briefing {
  const index = briefing.slides.findIndex((s) => s.id === slideId);
  const original = briefing.slides[index];
  if (!original) return briefing;
  const copy: BriefingSlide = { ...original, id: ctx.newId(), kpiIds: [...original.kpiIds] };
  return touched(briefing, briefing.slides.toSpliced(index + 1, 0, copy), ctx);
}

/**
 * Moves a slide to position `toIndex` (clamped to the list); unchanged when the id is unknown
 * or the slide is already there.
 */
export function moveSlide(
  briefing: Briefing,
  slideId: string,
  toIndex: number,
  ctx: EditContext,
): Briefing {
  const from = briefing.slides.findIndex((s) => s.id === slideId);
  const slide = briefing.slides[from];
  if (!slide) return briefing;
  const to = Math.min(Math.max(Math.trunc(toIndex), 0), briefing.slides.length - 1);
  if (to === from) return briefing;
  return touched(briefing, briefing.slides.toSpliced(from, 1).toSpliced(to, 0, slide), ctx);
}

/** Changes a slide's words, KPIs or captured view; unchanged when the id is unknown. */
export function updateSlide(
  briefing: Briefing,
  slideId: string,
  patch: Partial<Omit<BriefingSlide, 'id'>>,
  ctx: EditContext,
): Briefing {
  if (!briefing.slides.some((s) => s.id === slideId)) return briefing;
  return touched(
    briefing,
    briefing.slides.map((s) => (s.id === slideId ? { ...s, ...patch, id: s.id } : s)),
    ctx,
  );
}

/** Removes a slide; unchanged when the id is unknown. */
export function deleteSlide(briefing: Briefing, slideId: string, ctx: EditContext): Briefing {
  if (!briefing.slides.some((s) => s.id === slideId)) return briefing;
  return touched(
    briefing,
    briefing.slides.filter((s) => s.id !== slideId),
    ctx,
  );
}

/** Renames a briefing. */
export function renameBriefing(briefing: Briefing, title: string, ctx: EditContext): Briefing {
  return { ...briefing, title: title.trim(), updatedAt: ctx.now };
}
