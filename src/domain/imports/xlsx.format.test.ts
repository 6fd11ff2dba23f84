import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellIndex, decodeXmlText, readXlsxSheet, XlsxError } from './xlsx.format.ts';

function workbook(sheetXml: string, shared = ''): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="表一" sheetId="1" r:id="rId1"/><sheet name="表二" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    'xl/sharedStrings.xml': strToU8(shared),
  });
}

describe('XLSX reader', () => {
  it('reads shared, rich-text, inline, number and boolean cells by their references', () => {
    const shared =
      '<sst><si><t>企业名称</t></si><si><r><t>税</t></r><r><rPr/><t xml:space="preserve">收</t></r><rPh><t>ぜい</t></rPh></si></sst>';
    const sheet =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>A&amp;B &lt;有限&gt; &#x4E00;</t></is></c><c r="B3"><v>1.5E3</v></c><c r="C3" t="b"><v>1</v></c></row>' +
      '</sheetData></worksheet>';
    const result = readXlsxSheet(workbook(sheet, shared));
    expect(result.name).toBe('表一');
    expect(result.otherSheetCount).toBe(1);
    expect(result.rows).toEqual([['企业名称', '', '税收'], [], ['A&B <有限> 一', '1.5E3', 'TRUE']]);
  });

  it('fills a merged range with its top-left value, across and down', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>经济指标</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>9</v></c></row><row r="3"/></sheetData>' +
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells></worksheet>';
    const result = readXlsxSheet(workbook(sheet));
    expect(result.rows[0]).toEqual(['经济指标', '经济指标', '经济指标']);
    expect(result.rows[2]?.[0]).toBe('1');
    expect(result.merges).toHaveLength(2);
  });

  it('fills a merge over the whole grid only within the sheet’s own cells', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"/></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>';
    const result = readXlsxSheet(workbook(sheet));
    expect(result.rows).toEqual([
      ['1', '1'],
      ['1', '1'],
    ]);
  });

  it('refuses what is not an XLSX', () => {
    expect(() => readXlsxSheet(new Uint8Array([1, 2, 3]))).toThrow(XlsxError);
    expect(() => readXlsxSheet(zipSync({ 'a.txt': strToU8('x') }))).toThrow(XlsxError);
  });

  it('decodes cell references and XML text', () => {
    expect(cellIndex('A1')).toEqual([0, 0]);
    expect(cellIndex('AB12')).toEqual([11, 27]);
    expect(cellIndex('1A')).toBeUndefined();
    expect(decodeXmlText('&quot;&apos;&#20225;&bogus;')).toBe(`"'企&bogus;`);
  });
});
