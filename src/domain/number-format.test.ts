import { describe, expect, it } from 'vitest';
import { formatByteSize, formatNumber } from './number-format.ts';

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
