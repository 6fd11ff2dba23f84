/**
 * Words typed into a briefing that are not stored yet. The editor shows them over the stored
 * briefing, saves them a moment after the typing stops, and keeps them in a small journal
 * (localStorage) when the page is hidden or closed, so a reload right after typing loses
 * nothing: the next time briefings open, the journal is applied and cleared.
 */
import type { Briefing, BriefingSlide } from './briefing.ts';
import { BRIEFING_LIMITS } from './briefing-file.format.ts';
import type { SlideText } from './slide-ops.ts';

/** Typed words of one slide, or of the briefing's own title when `slideId` is null. */
export interface TextDraft {
  briefingId: string;
  slideId: string | null;
  patch: Partial<SlideText>;
}

/** The key of a draft in a drafts map. */
export function draftKey(briefingId: string, slideId: string | null): string {
  return `${briefingId}\u0000${slideId ?? ''}`;
}

/** Adds typed words to the drafts (a new map; later words of the same field win). */
export function withDraft(
  drafts: ReadonlyMap<string, TextDraft>,
  briefingId: string,
  slideId: string | null,
  patch: Partial<SlideText>,
): Map<string, TextDraft> {
  const key = draftKey(briefingId, slideId);
  const before = drafts.get(key);
  return new Map(drafts).set(key, {
    briefingId,
    slideId,
    patch: { ...before?.patch, ...patch },
  });
}

/** A slide as the user sees it: stored words with any typed ones over them. */
export function slideWithDraft(
  drafts: ReadonlyMap<string, TextDraft>,
  briefingId: string,
  slide: BriefingSlide,
): BriefingSlide {
  const draft = drafts.get(draftKey(briefingId, slide.id));
  return draft ? { ...slide, ...draft.patch, id: slide.id } : slide;
}

/**
 * The briefing with the drafts that belong to it applied; the same object when none changes
 * anything (drafts of deleted slides are dropped silently: the slide is gone).
 */
export function applyDrafts(
  briefing: Briefing,
  drafts: Iterable<TextDraft>,
  now: string,
): Briefing {
  let title = briefing.title;
  const patches = new Map<string, Partial<SlideText>>();
  for (const d of drafts) {
    if (d.briefingId !== briefing.id) continue;
    if (d.slideId === null) title = d.patch.title ?? title;
    else patches.set(d.slideId, { ...patches.get(d.slideId), ...d.patch });
  }
  let changed = title !== briefing.title;
  const slides = briefing.slides.map((s) => {
    const patch = patches.get(s.id);
    if (!patch) return s;
    const next = { ...s, ...patch, id: s.id };
    if (
      next.title === s.title &&
      next.subtitle === s.subtitle &&
      next.speakerNotes === s.speakerNotes
    )
      return s;
    changed = true;
    return next;
  });
  return changed ? { ...briefing, title, slides, updatedAt: now } : briefing;
}

/** The journal's text for the drafts. */
export function writeDraftJournal(drafts: Iterable<TextDraft>): string {
  return JSON.stringify([...drafts]);
}

const TEXT_FIELDS = ['title', 'subtitle', 'speakerNotes'] as const;

/**
 * Reads a journal back. Anything malformed or too long for a briefing is left out, so a
 * damaged journal can never write something a briefing file could not hold.
 */
export function readDraftJournal(text: string): TextDraft[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const drafts: TextDraft[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { briefingId, slideId, patch } = item as Record<string, unknown>;
    if (typeof briefingId !== 'string' || (slideId !== null && typeof slideId !== 'string'))
      continue;
    if (typeof patch !== 'object' || patch === null) continue;
    const clean: Partial<SlideText> = {};
    for (const field of TEXT_FIELDS) {
      const value = (patch as Record<string, unknown>)[field];
      const max =
        field === 'speakerNotes' ? BRIEFING_LIMITS.notesChars : BRIEFING_LIMITS.titleChars;
      if (typeof value === 'string' && value.length <= max) clean[field] = value;
    }
    if (Object.keys(clean).length > 0) drafts.push({ briefingId, slideId, patch: clean });
  }
  return drafts;
}
