import { describe, expect, it } from 'vitest';
import { NANTAIHU_CODE } from '../regions.ts';
import type { ActualKey } from './actual-value.ts';
import {
  checkActualValue,
  validatePastedCells,
  type ActualRules,
  type CellResult,
} from './actual-cell.validator.ts';
import { placePastedCells, type PasteLayout } from './paste-layout.ts';
import { parsePastedBlock } from './pasted-block.parser.ts';

/** Rules as the state layer would derive them from a catalogue: 2023 targets only. */
const UNITS: Record<string, readonly string[]> = {
  tax_per_mu: ['万元/亩'],
  land_freed_mu: ['亩'],
  industrial_value_added_growth: ['%'],
};
const rules: ActualRules = {
  isNonNegative: (id) => id !== 'industrial_value_added_growth',
  hasTarget: (id, _district, year) => id in UNITS && year === 2023,
  unitTexts: (id) => UNITS[id] ?? [],
};

function validatePaste(text: string, layout: PasteLayout) {
  const parsed = parsePastedBlock(text);
  if (!parsed.ok) throw new Error(parsed.reason.id);
  return validatePastedCells(placePastedCells(parsed.rows, layout), rules);
}

const byYears: PasteLayout = {
  kind: 'districts-by-years',
  cityCode: '330500',
  indicatorId: 'tax_per_mu',
};

function invalid(results: CellResult[]) {
  return results.filter((r) => !r.valid);
}

describe('validatePastedCells on a districts × years paste', () => {
  it('accepts a clean block and keys each value by district and year', () => {
    const v = validatePaste('\t2023年\n吴兴区\t48.5\n南太湖新区\t36 万元/亩\n全市\t37\n', byYears);
    expect(v.allValid).toBe(true);
    expect(v.results).toEqual([
      {
        valid: true,
        row: 2,
        column: 2,
        key: { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 },
        value: 48.5,
      },
      {
        valid: true,
        row: 3,
        column: 2,
        key: { indicatorId: 'tax_per_mu', districtCode: NANTAIHU_CODE, year: 2023 },
        value: 36,
      },
      {
        valid: true,
        row: 4,
        column: 2,
        key: { indicatorId: 'tax_per_mu', districtCode: '330500', year: 2023 },
        value: 37,
      },
    ]);
  });

  it('refuses text in a number cell, pointing at its row and column', () => {
    const v = validatePaste('\t2023\n吴兴\t48\n南浔\t约30', byYears);
    expect(v.allValid).toBe(false);
    expect(invalid(v.results)).toEqual([
      {
        valid: false,
        row: 3,
        column: 2,
        reason: { id: 'actuals.notANumber', params: { text: '约30' } },
      },
    ]);
  });

  it('refuses a unit that is not the indicator’s instead of guessing a scale', () => {
    const v = validatePaste('\t2023\n吴兴\t48 万元', byYears);
    expect(invalid(v.results)[0]).toMatchObject({
      reason: { id: 'actuals.unitMismatch', params: { unit: '万元', expected: '万元/亩' } },
    });
  });

  it('refuses a year for which the indicator has no target', () => {
    const v = validatePaste('\t2023\t2024\n吴兴\t48\t50', byYears);
    expect(invalid(v.results)).toEqual([
      {
        valid: false,
        row: 2,
        column: 3,
        reason: {
          id: 'actuals.noTargetForYear',
          params: { indicatorId: 'tax_per_mu', year: 2024 },
        },
      },
    ]);
  });

  it('refuses a district the city does not have, by the label pasted', () => {
    const v = validatePaste('\t2023\n吴兴\t48\n越城\t40\n杭州\t41', byYears);
    expect(invalid(v.results).map((r) => !r.valid && r.reason)).toEqual([
      { id: 'actuals.unknownDistrict', params: { district: '越城' } },
      { id: 'actuals.unknownDistrict', params: { district: '杭州' } },
    ]);
  });

  it('refuses a header that is not a year', () => {
    const v = validatePaste('\t目标\n吴兴\t48', byYears);
    expect(invalid(v.results).map((r) => !r.valid && r.reason)).toEqual([
      { id: 'actuals.badYear', params: { year: '目标' } },
    ]);
  });

  it('skips blank and dash cells without refusing or storing them', () => {
    const v = validatePaste('\t2023\n吴兴\t—\n南浔\t\n德清\t37', byYears);
    expect(v.emptyCount).toBe(2);
    expect(v.results).toHaveLength(1);
    expect(v.allValid).toBe(true);
  });

  it('is not valid when nothing but blanks was pasted', () => {
    const v = validatePaste('\t2023\n吴兴\t-', byYears);
    expect(v.allValid).toBe(false);
    expect(v.results).toEqual([]);
  });

  it('refuses the second of two cells for the same district and year', () => {
    const v = validatePaste('\t2023\n吴兴\t48\n吴兴区\t49', byYears);
    expect(invalid(v.results)).toEqual([
      {
        valid: false,
        row: 3,
        column: 2,
        reason: { id: 'actuals.duplicateCell', params: { row: 2, column: 2 } },
      },
    ]);
  });
});

describe('validatePastedCells on other layouts', () => {
  it('refuses a negative value for a non-negative indicator and accepts one for growth', () => {
    const layout: PasteLayout = {
      kind: 'districts-by-indicators',
      cityCode: '330500',
      year: 2023,
      resolveIndicator: (label) => (label in UNITS ? label : undefined),
    };
    const v = validatePaste(
      'district\tland_freed_mu\tindustrial_value_added_growth\tpatents\n330502\t-1,500\t-2.5%\t3',
      layout,
    );
    expect(v.results.map((r) => (r.valid ? r.value : r.reason))).toEqual([
      { id: 'actuals.negative', params: { value: -1500 } },
      -2.5,
      { id: 'actuals.unknownIndicator', params: { indicator: 'patents' } },
    ]);
  });

  it('maps an anchored paste through the table and refuses what falls outside it', () => {
    const districts = ['330502', '330503'];
    const layout: PasteLayout = {
      kind: 'anchored',
      keyAt: (r, c) => {
        const districtCode = districts[r];
        return districtCode && c === 0
          ? { indicatorId: 'tax_per_mu', districtCode, year: 2023 }
          : undefined;
      },
    };
    const v = validatePaste('48\t1\n30\n37', layout);
    expect(v.results.map((r) => (r.valid ? r.key.districtCode : r.reason.id))).toEqual([
      '330502',
      'actuals.outsideTable',
      '330503',
      'actuals.outsideTable',
    ]);
  });
});

describe('checkActualValue', () => {
  const key: ActualKey = { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 };

  it('lets a plain valid value through', () => {
    expect(checkActualValue(key, 48, rules)).toBeUndefined();
  });

  it('refuses non-finite values and unknown codes even when a caller skipped parsing', () => {
    expect(checkActualValue(key, Number.NaN, rules)?.id).toBe('actuals.notANumber');
    expect(checkActualValue(key, Infinity, rules)?.id).toBe('actuals.notANumber');
    expect(checkActualValue({ ...key, districtCode: '330599' }, 1, rules)?.id).toBe(
      'actuals.unknownDistrict',
    );
    expect(checkActualValue({ ...key, year: 2023.5 }, 1, rules)?.id).toBe('actuals.badYear');
  });
});
