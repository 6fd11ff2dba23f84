import { describe, expect, it } from 'vitest';
import { HUZHOU_DEV_ZONE_CODE, NANTAIHU_CODE } from '../regions.ts';
import { parseYearLabel, placePastedCells, resolveAreaLabel } from './paste-layout.ts';

describe('resolveAreaLabel', () => {
  it.each([
    ['330503', '330503'],
    ['南浔区', '330503'],
    ['南浔', '330503'],
    ['nanxun', '330503'],
    ['South Taihu New Area', NANTAIHU_CODE],
    ['南太湖新区', NANTAIHU_CODE],
    ['湖州开发区', HUZHOU_DEV_ZONE_CODE],
    ['全市', '330500'],
    ['湖州市', '330500'],
    [' ３３０５２１ ', '330521'],
  ])('reads %j in Huzhou as %s', (label, code) => {
    expect(resolveAreaLabel(label, '330500')).toBe(code);
  });

  it('does not resolve another city’s district or an unknown city', () => {
    expect(resolveAreaLabel('柯桥', '330500')).toBeUndefined();
    expect(resolveAreaLabel('柯桥', '330600')).toBe('330603');
    expect(resolveAreaLabel('全市', '110000')).toBeUndefined();
  });
});

describe('parseYearLabel', () => {
  it('reads plan years with or without 年', () => {
    expect(parseYearLabel('2023')).toBe(2023);
    expect(parseYearLabel('２０２５年')).toBe(2025);
  });

  it('refuses labels that are not a plausible year', () => {
    expect(parseYearLabel('23')).toBeUndefined();
    expect(parseYearLabel('1899')).toBeUndefined();
    expect(parseYearLabel('2023年目标')).toBeUndefined();
  });
});

describe('placePastedCells', () => {
  it('places data cells only, at spreadsheet positions, with short rows tolerated', () => {
    const cells = placePastedCells(
      [
        ['', '2023', '2024'],
        ['吴兴', '48'],
      ],
      { kind: 'districts-by-years', cityCode: '330500', indicatorId: 'tax_per_mu' },
    );
    expect(cells).toEqual([
      {
        row: 2,
        column: 2,
        raw: '48',
        target: {
          ok: true,
          key: { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 },
        },
      },
    ]);
  });
});
