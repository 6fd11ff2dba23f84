import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeedCsv } from '../seeds/seed-csv.format.ts';
import { HUZHOU_INDUSTRIES, SHAOXING_INDUSTRIES } from '../seeds/seed-schema.ts';
import {
  GENERAL_INDUSTRY_ID,
  INDUSTRIES,
  MIN_CVD_DELTA_E,
  industriesOfCity,
  industryById,
  industryOfName,
} from './industry.ts';

/** Machado, Oliveira & Fernandes (2009) full-severity matrices, applied in linear RGB. */
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function labAs(hex: string, matrix: number[][]): [number, number, number] {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)),
  ) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string, matrix: number[][]): number {
  const p = labAs(a, matrix);
  const q = labAs(b, matrix);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('industry colours', () => {
  for (const city of ['330500', '330600']) {
    it(`keep ${city}'s industries apart under normal and colour-blind vision`, () => {
      const industries = industriesOfCity(city);
      const tooClose: string[] = [];
      for (const [vision, matrix] of Object.entries(VISION)) {
        industries.forEach((a, i) => {
          for (const b of industries.slice(i + 1)) {
            const d = deltaE(a.colour, b.colour, matrix);
            if (d < MIN_CVD_DELTA_E) tooClose.push(`${vision}: ${a.id}/${b.id} ${d.toFixed(1)}`);
          }
        });
      }
      expect(tooClose).toEqual([]);
    });
  }

  it('are hex colours, one per industry id', () => {
    const ids = INDUSTRIES.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const industry of INDUSTRIES) expect(industry.colour).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe('industry catalogue', () => {
  it('covers every industry id the seed schemas allow', () => {
    for (const id of [...HUZHOU_INDUSTRIES, ...SHAOXING_INDUSTRIES]) {
      expect(industryById(id), id).toBeDefined();
    }
  });

  it('cites a seed line that names each industry', () => {
    const seeds = new Map<string, string[]>();
    for (const industry of INDUSTRIES) {
      if (!industry.source) continue;
      const file = industry.source.file;
      if (!seeds.has(file)) {
        const text = readFileSync(new URL(`../../../../shared/seeds/${file}`, import.meta.url));
        seeds.set(file, text.toString('utf8').split('\n'));
      }
      const lines = industry.source.lines
        .flatMap(([a, b]) => seeds.get(file)!.slice(a - 1, b))
        .join('');
      const stem = industry.nameZh.replace(/产业链?$/, '');
      expect(lines, industry.id).toContain(stem);
    }
  });

  it('uses the Chinese names the key-enterprise table prints', () => {
    const text = readFileSync(
      new URL('../../../seeds/huzhou-key-enterprises.csv', import.meta.url),
    );
    const rows = parseSeedCsv('e.csv', text.toString('utf8')).table.rows;
    for (const row of rows) {
      expect(industryById(row.cells['industry_id']!)?.nameZh).toBe(row.cells['industry_zh']);
    }
  });
});

describe('industryOfName', () => {
  it('reads the industry from a named place', () => {
    expect(industryOfName('南浔区特种电磁线产业园区', '330500')).toBe('metal_processing');
    expect(industryOfName('长兴县非金属制品制造业省级试点', '330500')).toBe('building_materials');
    expect(industryOfName('洛舍中国木皮市场', '330500')).toBe('furniture_bamboo_wood');
    expect(industryOfName('长兴新能源储能产业知识产权运营中心', '330500')).toBe('new_energy');
    expect(industryOfName('安吉（绿色家居）国家级知识产权快速维权中心', '330500')).toBe(
      'green_home',
    );
    expect(industryOfName('柯桥滨海印染产业集聚区', '330600')).toBe('textiles');
    expect(industryOfName('诸暨华东国际珠宝城', '330600')).toBe('pearls');
  });

  it('reads 电机 as the industry its city has', () => {
    expect(industryOfName('虞嵊电机产业', '330600')).toBe('motors');
    expect(industryOfName('某电机园', '330500')).toBe('elevators_motors');
  });

  it('falls back to the catch-all for zones that serve several industries', () => {
    expect(industryOfName('滨海新城', '330600')).toBe(GENERAL_INDUSTRY_ID);
    expect(industryOfName('环西塞山科创走廊', '330500')).toBe(GENERAL_INDUSTRY_ID);
  });
});
