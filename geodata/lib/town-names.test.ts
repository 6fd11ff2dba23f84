import { describe, expect, it } from 'vitest';
import { chineseName, romanKey } from './town-names.ts';

describe('romanKey', () => {
  it('keeps only the letters, without diacritics or apostrophes', () => {
    expect(romanKey('Lüling')).toBe('luling');
    expect(romanKey('Chang’an')).toBe('changan');
    expect(romanKey('Liu‘an')).toBe('liuan');
  });
});

describe('chineseName (GeoNames alternate names)', () => {
  it('picks the Han name that reads as the romanised name, not another place’s name', () => {
    expect(chineseName('Sanlidian', ['Qingxi', 'Sanlidian', 'qing xi', '三里店', '清溪'])).toBe(
      '三里店',
    );
    expect(
      chineseName('Sujiazhuang', [
        'Longxi Xiang',
        'Yangjiabu Zhen',
        '杨家埠镇',
        '苏家庄',
        '龙溪乡',
      ]),
    ).toBe('苏家庄');
  });

  it('prefers the bare name to the one with an administrative suffix', () => {
    expect(chineseName('Huzhou', ['吴兴', '吴兴区', '湖州', '湖州市'])).toBe('湖州');
    expect(chineseName('Zhili', ['Zhili Zhen', '织里', '织里镇'])).toBe('织里');
  });

  it('falls back to a suffixed name when that is all there is', () => {
    expect(chineseName('Yixing', ['Yixing', '宜兴市', '宜城', '宜城街道'])).toBe('宜兴市');
  });

  it('reads polyphonic characters either way', () => {
    expect(chineseName('Zhuhang', ['竹行', '竹行镇'])).toBe('竹行');
    expect(chineseName('Xushuguan', ['浒墅关', '浒墅关镇'])).toBe('浒墅关');
    expect(chineseName('Changxing', ['长兴', '长兴县'])).toBe('长兴');
  });

  it('returns empty when no Han name matches', () => {
    expect(chineseName('Qiucun', ['门口塘'])).toBe('');
    expect(chineseName('Qiucun', [])).toBe('');
  });
});
