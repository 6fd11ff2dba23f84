import { describe, expect, it } from 'vitest';
import { parsePastedBlock } from '../domain/actuals/pasted-block.parser.ts';
import { targetsFor, type Indicator } from '../domain/indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../domain/indicators/seed-catalogue.fixture.ts';
import { HUZHOU_DEV_ZONE_CODE, districtsOfCity } from '../domain/regions.ts';
import { actualRulesOf, detectPasteLayout, indicatorResolverOf } from './actuals-input.ts';

const catalogue = huzhouCatalogue();
const HUZHOU = '330500';
const rules = actualRulesOf(catalogue);
const resolve = indicatorResolverOf(catalogue);

function indicator(id: string): Indicator {
  const found = catalogue.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not in the seed catalogue`);
  return found;
}

const TAX = indicator('tax_per_mu');
const LAND = indicator('land_freed_mu');
const GROWTH = indicator('industrial_value_added_growth');
const YEAR = TAX.years[0]!;

function rowsOf(text: string): string[][] {
  const parsed = parsePastedBlock(text);
  if (!parsed.ok) throw new Error(parsed.reason.id);
  return parsed.rows;
}

describe('actualRulesOf', () => {
  it('refuses negatives only where the indicator cannot be negative', () => {
    expect(rules.isNonNegative(LAND.id)).toBe(true);
    expect(rules.isNonNegative(GROWTH.id)).toBe(false);
  });

  it('knows which areas and years the seed table has a row for', () => {
    const [firstDistrict] = districtsOfCity(HUZHOU);
    expect(rules.hasTarget(TAX.id, firstDistrict!.code, YEAR)).toBe(true);
    expect(rules.hasTarget(TAX.id, HUZHOU, YEAR)).toBe(true);
    expect(rules.hasTarget(TAX.id, firstDistrict!.code, Math.max(...TAX.years) + 1)).toBe(false);
    // 湖州开发区 is named in the 2017 plan only; the 2023 table has no column for it.
    expect(rules.hasTarget(TAX.id, HUZHOU_DEV_ZONE_CODE, YEAR)).toBe(false);
    expect(rules.hasTarget('no_such_indicator', firstDistrict!.code, YEAR)).toBe(false);
  });

  it('accepts actuals where the seed row is blank with a note, so the figure can be kept', () => {
    const blank = catalogue.indicators
      .flatMap((i) => i.targets.flatMap((t) => t.districts.map((d) => ({ i, t, d }))))
      .find(({ d }) => d.value === null);
    expect(blank).toBeDefined();
    const { i, t, d } = blank!;
    expect(targetsFor(i, t.cityCode, t.year)).toBeDefined();
    expect(rules.hasTarget(i.id, d.districtCode, t.year)).toBe(true);
  });

  it('accepts the seed unit after a number but not an English unit that is restated', () => {
    expect(rules.unitTexts(TAX.id)).toContain(TAX.unitZh);
    // 37 "yuan/mu" is not 37 万元/亩; the English label names a unit ten thousand times smaller.
    expect(rules.unitTexts(TAX.id)).not.toContain(TAX.unit.en);
    expect(rules.unitTexts(LAND.id)).toEqual(expect.arrayContaining([LAND.unitZh, LAND.unit.en]));
  });
});

describe('indicatorResolverOf', () => {
  it('finds an indicator by id, Chinese or English name, with or without its unit', () => {
    expect(resolve(TAX.id)).toBe(TAX.id);
    expect(resolve(TAX.nameZh)).toBe(TAX.id);
    expect(resolve(TAX.nameEn.toUpperCase())).toBe(TAX.id);
    expect(resolve(`${TAX.nameZh}（${TAX.unitZh}）`)).toBe(TAX.id);
    expect(resolve('亩产')).toBeUndefined();
  });
});

describe('detectPasteLayout', () => {
  it('reads years across the first row as districts by years', () => {
    expect(detectPasteLayout(rowsOf(`\t${YEAR}年\n吴兴\t48`), HUZHOU, resolve)).toBe(
      'districts-by-years',
    );
  });

  it('reads indicator names across the first row as districts by indicators', () => {
    expect(detectPasteLayout(rowsOf(`区县\t${TAX.nameZh}\n吴兴\t48`), HUZHOU, resolve)).toBe(
      'districts-by-indicators',
    );
  });

  it('reads district names beside values as district | value pairs', () => {
    expect(detectPasteLayout(rowsOf('吴兴\t48\n南浔\t30'), HUZHOU, resolve)).toBe(
      'district-values',
    );
  });

  it('reads anything else as a bare column of values', () => {
    expect(detectPasteLayout(rowsOf('48\n30'), HUZHOU, resolve)).toBe('column');
  });
});
