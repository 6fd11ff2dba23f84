import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  decodeMappingEntry,
  detectHeaderRow,
  encodeMappingEntry,
  fieldOfHeader,
  layoutKeyOf,
  unitOfHeader,
} from './field-mapping.ts';

describe('header synonyms', () => {
  it.each([
    ['企业名称', 'name'],
    ['Company name', 'name'],
    ['统一社会信用代码', 'creditCode'],
    ['纳税人识别号', 'creditCode'],
    ['经度', 'lon'],
    ['Longitude', 'lon'],
    ['Y坐标', 'lat'],
    ['所属区县', 'districtCode'],
    ['乡镇（街道）', 'town'],
    ['实际用地面积（亩）', 'landAreaMu'],
    ['Land area (mu)', 'landAreaMu'],
    ['实缴税金（万元）', 'taxWanYuan'],
    ['2024年税收实际贡献', 'taxWanYuan'],
    ['工业增加值', 'valueAddedWanYuan'],
    ['综合能耗（吨标煤）', 'energyTce'],
    ['用电量（万千瓦时）', 'electricityKwh'],
    ['主要污染物排放量', 'emissionsTonnes'],
    ['研发经费支出', 'rdWanYuan'],
    ['R&D', 'rdWanYuan'],
    ['营业收入', 'revenueWanYuan'],
    ['从业人员（人）', 'employees'],
    ['所属行业', 'industry'],
    ['规上/规下', 'sizeClass'],
    ['企业规模类型', 'sizeClass'],
    ['年度', 'year'],
  ])('reads %s as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each([
    '亩均税收（万元/亩）',
    '单位能耗增加值',
    '研发投入强度',
    '研发占比',
    '建筑面积',
    '序号',
    '备注',
    '',
  ])('does not take the derived or unrelated header %s for a field', (header) => {
    expect(fieldOfHeader(header)).toBeUndefined();
  });
});

describe('units from headers', () => {
  it('reads area units, defaulting to 亩', () => {
    expect(unitOfHeader('landAreaMu', '用地面积（平方米）')).toBe('sqm');
    expect(unitOfHeader('landAreaMu', '用地面积(㎡)')).toBe('sqm');
    expect(unitOfHeader('landAreaMu', '用地面积（公顷）')).toBe('hectare');
    expect(unitOfHeader('landAreaMu', '用地面积')).toBe('mu');
  });
  it('reads money, energy and electricity units', () => {
    expect(unitOfHeader('taxWanYuan', '税收（元）')).toBe('yuan');
    expect(unitOfHeader('taxWanYuan', '税收（亿元）')).toBe('yiYuan');
    expect(unitOfHeader('taxWanYuan', '税收')).toBe('wanYuan');
    expect(unitOfHeader('energyTce', '综合能耗（万吨标煤）')).toBe('wanTce');
    expect(unitOfHeader('electricityKwh', '用电量（千瓦时）')).toBe('kwh');
    expect(unitOfHeader('electricityKwh', '用电量（万千瓦时）')).toBe('wanKwh');
    expect(unitOfHeader('name', '企业名称')).toBeNull();
  });
});

describe('header row and mapping', () => {
  it('skips title rows above the header', () => {
    const rows = [
      ['2024年度亩均效益数据表'],
      ['制表单位：某局', ''],
      ['企业名称', '用地面积', '税收'],
      ['甲', '1', '2'],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });
  it('falls back to the first row with text when no row names two fields', () => {
    expect(detectHeaderRow([[''], ['a', 'b'], ['1', '2']])).toBe(1);
  });
  it('maps each field to the first column naming it, with units', () => {
    expect(autoMapping(['序号', '企业名称', '用地面积（㎡）', '企业名称（曾用名）'])).toEqual({
      '1': 'name',
      '2': 'landAreaMu@sqm',
    });
  });
  it('round-trips mapping entries and refuses unknown fields or units', () => {
    expect(
      decodeMappingEntry(encodeMappingEntry({ field: 'landAreaMu', unit: 'hectare' })),
    ).toEqual({ field: 'landAreaMu', unit: 'hectare' });
    expect(decodeMappingEntry('landAreaMu')).toEqual({ field: 'landAreaMu', unit: 'mu' });
    expect(decodeMappingEntry('landAreaMu@yuan')).toBeUndefined();
    expect(decodeMappingEntry('shoeSize')).toBeUndefined();
  });
  it('gives one layout key per header row, whatever the spacing or brackets', () => {
    const a = layoutKeyOf(['企业名称', '用地面积（亩）', '税收']);
    expect(layoutKeyOf([' 企业名称 ', '用地面积(亩)', '税收'])).toBe(a);
    expect(layoutKeyOf(['企业名称', '税收', '用地面积（亩）'])).not.toBe(a);
    expect(layoutKeyOf(['企业名称', '用地面积（亩）'])).not.toBe(a);
  });
});
