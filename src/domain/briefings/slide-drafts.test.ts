import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingSlide } from './briefing.ts';
import { BRIEFING_LIMITS } from './briefing-file.format.ts';
import {
  applyDrafts,
  readDraftJournal,
  slideWithDraft,
  withDraft,
  writeDraftJournal,
} from './slide-drafts.ts';

const slide = (id: string, title: string): BriefingSlide => ({
  id,
  title,
  subtitle: '',
  speakerNotes: '',
  viewQuery: '?region=huzhou',
  boundsLonLat: null,
  kpiIds: [],
});

const briefing: Briefing = {
  id: 'b1',
  title: '季度汇报',
  slides: [slide('s1', '吴兴'), slide('s2', '南浔')],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const NOW = '2024-02-02T00:00:00.000Z';

describe('typed words', () => {
  it('keeps the latest words of each field and shows them over the stored slide', () => {
    let drafts = withDraft(new Map(), 'b1', 's1', { title: '吴' });
    drafts = withDraft(drafts, 'b1', 's1', { subtitle: '2023' });
    drafts = withDraft(drafts, 'b1', 's1', { title: '吴兴区' });
    const shown = slideWithDraft(drafts, 'b1', briefing.slides[0]!);
    expect([shown.title, shown.subtitle, shown.id]).toEqual(['吴兴区', '2023', 's1']);
    expect(slideWithDraft(drafts, 'b1', briefing.slides[1]!)).toBe(briefing.slides[1]);
  });

  it('applies slide and briefing-title drafts to their briefing only', () => {
    let drafts = withDraft(new Map(), 'b1', 's2', { speakerNotes: '先讲腾退' });
    drafts = withDraft(drafts, 'b1', null, { title: '四季度汇报' });
    drafts = withDraft(drafts, 'other', 's1', { title: '不相干' });
    const next = applyDrafts(briefing, drafts.values(), NOW);
    expect(next.title).toBe('四季度汇报');
    expect(next.slides.map((s) => [s.title, s.speakerNotes])).toEqual([
      ['吴兴', ''],
      ['南浔', '先讲腾退'],
    ]);
    expect(next.updatedAt).toBe(NOW);
    expect(briefing.slides[1]!.speakerNotes).toBe('');
  });

  it('returns the same briefing when the drafts change nothing or name a deleted slide', () => {
    const same = withDraft(new Map(), 'b1', 's1', { title: '吴兴' });
    expect(applyDrafts(briefing, same.values(), NOW)).toBe(briefing);
    const gone = withDraft(new Map(), 'b1', 'deleted', { title: 'x' });
    expect(applyDrafts(briefing, gone.values(), NOW)).toBe(briefing);
  });
});

describe('draft journal', () => {
  it('reads back what it wrote', () => {
    let drafts = withDraft(new Map(), 'b1', 's1', { title: '吴兴区', speakerNotes: '备注' });
    drafts = withDraft(drafts, 'b1', null, { title: '简报' });
    const read = readDraftJournal(writeDraftJournal(drafts.values()));
    expect(applyDrafts(briefing, read, NOW)).toEqual(applyDrafts(briefing, drafts.values(), NOW));
  });

  it('leaves out malformed entries, unknown fields and words too long for a briefing', () => {
    const long = 'x'.repeat(BRIEFING_LIMITS.titleChars + 1);
    const text = JSON.stringify([
      { briefingId: 'b1', slideId: 's1', patch: { title: long, subtitle: 'ok', viewQuery: '?x' } },
      { briefingId: 1, slideId: 's1', patch: { title: 'bad id' } },
      { briefingId: 'b1', slideId: 's2', patch: { kpiIds: ['x'] } },
      'junk',
    ]);
    expect(readDraftJournal(text)).toEqual([
      { briefingId: 'b1', slideId: 's1', patch: { subtitle: 'ok' } },
    ]);
    expect(readDraftJournal('{not json')).toEqual([]);
    expect(readDraftJournal('{"a":1}')).toEqual([]);
  });
});
