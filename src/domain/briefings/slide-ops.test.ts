import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.ts';
import {
  addSlide,
  createBriefing,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  renameBriefing,
  updateSlide,
  type EditContext,
} from './slide-ops.ts';

function context(now = '2024-05-01T08:00:00.000Z'): EditContext {
  let n = 0;
  return { now, newId: () => `id-${(n += 1)}` };
}

function briefingWith(titles: string[]): Briefing {
  const ctx = context('2024-04-01T00:00:00.000Z');
  let b = createBriefing('汇报', ctx);
  for (const title of titles) {
    b = addSlide(b, { title, viewQuery: `?t=${title}`, boundsLonLat: null, kpiIds: [] }, ctx);
  }
  return b;
}

const titles = (b: Briefing) => b.slides.map((s) => s.title);

describe('slide operations', () => {
  it('adds the current view at the end, or right after a chosen slide', () => {
    const b = briefingWith(['a', 'b']);
    const ctx = context();
    const atEnd = addSlide(
      b,
      { title: ' c ', viewQuery: '?x', boundsLonLat: null, kpiIds: ['k'] },
      ctx,
    );
    expect(titles(atEnd)).toEqual(['a', 'b', 'c']);
    expect(atEnd.slides[2]).toMatchObject({ viewQuery: '?x', kpiIds: ['k'], subtitle: '' });
    expect(atEnd.updatedAt).toBe(ctx.now);
    const afterFirst = addSlide(
      b,
      { title: 'c', viewQuery: '', boundsLonLat: null, kpiIds: [] },
      ctx,
      0,
    );
    expect(titles(afterFirst)).toEqual(['a', 'c', 'b']);
  });

  it('duplicates a slide right after itself with a new id and an independent KPI list', () => {
    const b = updateSlide(
      briefingWith(['a', 'b']),
      'id-2',
      { kpiIds: ['projects-in-view'] },
      context(),
    );
    const dup = duplicateSlide(b, 'id-2', context('2024-06-01T00:00:00.000Z'));
    expect(titles(dup)).toEqual(['a', 'a', 'b']);
    const [original, copy] = dup.slides;
    expect(copy!.id).not.toBe(original!.id);
    expect(copy!.viewQuery).toBe(original!.viewQuery);
    expect(copy!.kpiIds).toEqual(['projects-in-view']);
    expect(copy!.kpiIds).not.toBe(original!.kpiIds);
  });

  it('moves a slide to a position, clamping positions outside the list', () => {
    const b = briefingWith(['a', 'b', 'c']);
    const ids = b.slides.map((s) => s.id);
    expect(titles(moveSlide(b, ids[0]!, 2, context()))).toEqual(['b', 'c', 'a']);
    expect(titles(moveSlide(b, ids[2]!, 0, context()))).toEqual(['c', 'a', 'b']);
    expect(titles(moveSlide(b, ids[1]!, 99, context()))).toEqual(['a', 'c', 'b']);
    expect(titles(moveSlide(b, ids[1]!, -5, context()))).toEqual(['b', 'a', 'c']);
    expect(moveSlide(b, ids[1]!, 1, context())).toBe(b);
  });

  it('edits and deletes one slide and leaves the input briefing as it was', () => {
    const b = briefingWith(['a', 'b']);
    const snapshot = structuredClone(b);
    const id = b.slides[1]!.id;
    const edited = updateSlide(b, id, { title: '南浔', speakerNotes: '讲三点' }, context());
    expect(edited.slides[1]).toMatchObject({ id, title: '南浔', speakerNotes: '讲三点' });
    expect(titles(deleteSlide(edited, b.slides[0]!.id, context()))).toEqual(['南浔']);
    expect(b).toEqual(snapshot);
  });

  it('returns the same briefing for an unknown slide id, so nothing is written', () => {
    const b = briefingWith(['a']);
    expect(deleteSlide(b, 'nope', context())).toBe(b);
    expect(duplicateSlide(b, 'nope', context())).toBe(b);
    expect(updateSlide(b, 'nope', { title: 'x' }, context())).toBe(b);
  });

  it('renames a briefing, trimming the title', () => {
    expect(renameBriefing(briefingWith([]), '  季度汇报 ', context()).title).toBe('季度汇报');
  });
});
