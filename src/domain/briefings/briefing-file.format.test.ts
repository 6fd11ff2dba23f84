import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.ts';
import { readBriefingFile, writeBriefingFile, BRIEFING_LIMITS } from './briefing-file.format.ts';

const briefing: Briefing = {
  id: 'b1',
  title: '亩均论英雄 汇报',
  createdAt: '2024-05-01T08:00:00.000Z',
  updatedAt: '2024-05-02T08:00:00.000Z',
  slides: [
    {
      id: 's1',
      title: '全市亩均税收',
      subtitle: '2023 年目标',
      speakerNotes: '先看全市',
      viewQuery: '?region=huzhou&view=8.30/30.80000/120.00000&indicator=tax_per_mu',
      boundsLonLat: [119.2, 30.3, 120.6, 31.2],
      kpiIds: ['district-indicator'],
    },
    {
      id: 's2',
      title: '重点项目',
      subtitle: '',
      speakerNotes: '',
      viewQuery: '',
      boundsLonLat: null,
      kpiIds: [],
    },
  ],
};

function fileWith(
  mutate: (file: { briefing: Record<string, unknown> } & Record<string, unknown>) => void,
): string {
  const file = JSON.parse(writeBriefingFile(briefing, '2024-05-03T00:00:00.000Z'));
  mutate(file);
  return JSON.stringify(file);
}

describe('briefing file', () => {
  it('reads back exactly the briefing it wrote', () => {
    const result = readBriefingFile(writeBriefingFile(briefing, '2024-05-03T00:00:00.000Z'));
    expect(result).toEqual({ ok: true, briefing });
  });

  it('refuses text that is not JSON or not a briefing file', () => {
    expect(readBriefingFile('{oops')).toEqual({
      ok: false,
      problems: [{ code: 'notJson', path: '' }],
    });
    expect(readBriefingFile('{"format":"muatlas-backup"}')).toEqual({
      ok: false,
      problems: [{ code: 'notBriefingFile', path: '' }],
    });
  });

  it('refuses a file from a newer version rather than guessing at it', () => {
    const result = readBriefingFile(fileWith((f) => (f['version'] = 2)));
    expect(result).toEqual({ ok: false, problems: [{ code: 'newerVersion', path: 'version' }] });
  });

  it('lists every problem with where it is, and yields no briefing', () => {
    const text = fileWith((f) => {
      const slides = f.briefing['slides'] as Record<string, unknown>[];
      slides[0]!['title'] = 42;
      slides[0]!['kpiIds'] = ['district-indicator', 'mystery'];
      slides[1]!['boundsLonLat'] = [121, 30, 120, 31];
      slides[1]!['id'] = 's1';
      delete slides[1]!['speakerNotes'];
      f.briefing['updatedAt'] = 'yesterday';
    });
    const result = readBriefingFile(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        { code: 'wrongType', path: 'briefing.slides[0].title' },
        { code: 'unknownKpi', path: 'briefing.slides[0].kpiIds[1]' },
        { code: 'badBounds', path: 'briefing.slides[1].boundsLonLat' },
        { code: 'duplicateId', path: 'briefing.slides[1].id' },
        { code: 'missing', path: 'briefing.slides[1].speakerNotes' },
        { code: 'badTime', path: 'briefing.updatedAt' },
      ]),
    );
    expect('briefing' in result).toBe(false);
  });

  it('refuses over-long text and too many slides', () => {
    const long = fileWith(
      (f) => (f.briefing['title'] = '长'.repeat(BRIEFING_LIMITS.titleChars + 1)),
    );
    expect(readBriefingFile(long)).toEqual({
      ok: false,
      problems: [{ code: 'tooLong', path: 'briefing.title' }],
    });
    const many = fileWith((f) => {
      const slide = (f.briefing['slides'] as unknown[])[1];
      f.briefing['slides'] = Array.from({ length: BRIEFING_LIMITS.slides + 1 }, () => slide);
    });
    expect(readBriefingFile(many)).toEqual({
      ok: false,
      problems: [{ code: 'tooMany', path: 'briefing.slides' }],
    });
  });

  it("keeps a slide's thumbnail picture, and refuses anything but a raster image data URL", () => {
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==';
    const withPicture: Briefing = {
      ...briefing,
      slides: [{ ...briefing.slides[0]!, thumbnailDataUrl: jpeg }, briefing.slides[1]!],
    };
    expect(readBriefingFile(writeBriefingFile(withPicture, '2024-05-03T00:00:00.000Z'))).toEqual({
      ok: true,
      briefing: withPicture,
    });
    const refused = (value: unknown) =>
      readBriefingFile(
        fileWith((f) => {
          (f.briefing['slides'] as Record<string, unknown>[])[0]!['thumbnailDataUrl'] = value;
        }),
      );
    const at = 'briefing.slides[0].thumbnailDataUrl';
    expect(refused('https://example.com/map.png')).toEqual({
      ok: false,
      problems: [{ code: 'badThumbnail', path: at }],
    });
    expect(refused('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toEqual({
      ok: false,
      problems: [{ code: 'badThumbnail', path: at }],
    });
    expect(refused(42)).toEqual({ ok: false, problems: [{ code: 'wrongType', path: at }] });
    expect(refused(`data:image/png;base64,${'A'.repeat(BRIEFING_LIMITS.thumbnailChars)}`)).toEqual({
      ok: false,
      problems: [{ code: 'tooLong', path: at }],
    });
  });

  it('refuses a view that is not a query string', () => {
    const text = fileWith((f) => {
      (f.briefing['slides'] as Record<string, unknown>[])[0]!['viewQuery'] = 'javascript:alert(1)';
    });
    expect(readBriefingFile(text)).toEqual({
      ok: false,
      problems: [{ code: 'badQuery', path: 'briefing.slides[0].viewQuery' }],
    });
  });
});
