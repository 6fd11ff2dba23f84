import { describe, expect, it } from 'vitest';
import { UNIT_DISPLAY, unitDisplayFor } from './indicators/unit-display.ts';
import {
  formatByteSize,
  formatNumber,
  formatQuantity,
  formatQuantityRange,
  formatRatioAsPercent,
  formatSignedQuantity,
} from './number-format.ts';

describe('number formats', () => {
  it('groups thousands and limits decimals in both languages', () => {
    expect(formatNumber(282.14, 'zh-CN', 1)).toBe('282.1');
    expect(formatNumber(30000, 'zh-CN')).toBe('30,000');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
  });

  it('shows file sizes in the largest fitting binary unit', () => {
    expect(formatByteSize(512, 'en')).toBe('512 B');
    expect(formatByteSize(1536, 'en')).toBe('1.5 KB');
    expect(formatByteSize(3 * 1024 * 1024, 'zh-CN')).toBe('3 MB');
  });
});

describe('values with their units', () => {
  const perMu = UNIT_DISPLAY.wan_yuan_per_mu;

  it('write Chinese figures in the plans’ own units, as printed in the source', () => {
    expect(formatQuantity(37, perMu, 'zh-CN')).toBe('37 万元/亩');
    expect(formatQuantity(1.5, UNIT_DISPLAY.wan_tce, 'zh-CN')).toBe('1.5 万吨标煤');
    expect(formatQuantity(282.1, UNIT_DISPLAY.yi_yuan, 'zh-CN')).toBe('282.1 亿元');
    expect(formatQuantity(10000, UNIT_DISPLAY.mu, 'zh-CN')).toBe('10,000 亩');
    expect(formatQuantity(8.5, UNIT_DISPLAY.percent, 'zh-CN')).toBe('8.5%');
    expect(formatQuantity(150, unitDisplayFor('count', '家'), 'zh-CN')).toBe('150 家');
  });

  it('restate English figures in plain units instead of 万-based counters', () => {
    expect(formatQuantity(37, perMu, 'en')).toBe('370,000 yuan/mu');
    expect(formatQuantity(0.1, UNIT_DISPLAY.wan_tce, 'en')).toBe('1,000 tce');
    expect(formatQuantity(282.1, UNIT_DISPLAY.yi_yuan, 'en')).toBe('28.21 billion yuan');
    expect(formatQuantity(150, unitDisplayFor('count', '家'), 'en')).toBe('150 enterprises');
    expect(formatQuantity(3, unitDisplayFor('count', '个'), 'en')).toBe('3');
  });

  it('round to the decimals the unit warrants', () => {
    expect(formatQuantity(18.564, UNIT_DISPLAY.pieces_per_10k_people, 'zh-CN')).toBe('18.56 件');
    expect(formatQuantity(36.66, perMu, 'zh-CN')).toBe('36.7 万元/亩');
    expect(formatQuantity(1200.4, unitDisplayFor('count', '家'), 'zh-CN')).toBe('1,200 家');
  });

  it('write a legend class as one range with one label, or one value when its ends meet', () => {
    expect(formatQuantityRange(35, 37, perMu, 'zh-CN')).toBe('35–37 万元/亩');
    expect(formatQuantityRange(37, 37, perMu, 'zh-CN')).toBe('37 万元/亩');
    expect(formatQuantityRange(4.5, 7.6, UNIT_DISPLAY.percent, 'en')).toBe('4.5–7.6%');
  });

  it('sign gaps, and write ratios as percentages', () => {
    expect(formatSignedQuantity(11, perMu, 'zh-CN')).toBe('+11 万元/亩');
    expect(formatSignedQuantity(-7, perMu, 'zh-CN')).toBe('-7 万元/亩');
    expect(formatSignedQuantity(0, perMu, 'zh-CN')).toBe('0 万元/亩');
    expect(formatRatioAsPercent(0.9734, 'zh-CN')).toBe('97.3%');
    expect(formatRatioAsPercent(0.297, 'en', { signed: true })).toBe('+29.7%');
  });
});
