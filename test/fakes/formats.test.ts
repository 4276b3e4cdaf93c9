import { createGasEnvironment, type GasEnvironment } from './gas-globals';
import type { FakeSheet } from './spreadsheet';

/** Range lists, grid font styles and developer metadata: counted, and refusing what Sheets refuses. */
function fresh(): { env: GasEnvironment; sheet: FakeSheet } {
  const env = createGasEnvironment();
  return { env, sheet: env.spreadsheet.peekSheet('シート1') };
}

describe('Sheet.getRangeList', () => {
  it('formats every range of the list in one call', () => {
    const { env, sheet } = fresh();
    env.callLog.reset();
    const list = sheet.getRangeList(['A1:B2', 'D4', 'C:C']);
    list.setNumberFormat('#,##0');
    list.setFontSize(12);
    expect(env.callLog.trace).toEqual(['Sheet.getRangeList', 'RangeList.setNumberFormat', 'RangeList.setFontSize']);
    expect(list.peekA1s()).toEqual(['A1:B2', 'D4', 'C1:C1000']);
    expect(sheet.peekNumberFormats('A1:D4')).toEqual([
      ['#,##0', '#,##0', '#,##0', '0.###############'],
      ['#,##0', '#,##0', '#,##0', '0.###############'],
      ['0.###############', '0.###############', '#,##0', '0.###############'],
      ['0.###############', '0.###############', '#,##0', '#,##0'],
    ]);
    expect(sheet.grid.fontSizes.get(3, 3)).toBe(12);
    expect(sheet.grid.fontSizes.get(2, 0)).toBeUndefined();
    expect(list.getRanges().map((r) => r.peekA1())).toEqual(['A1:B2', 'D4', 'C1:C1000']);
  });

  it('refuses an empty list, a notation that is not a range, one naming a sheet, and a list that is not of strings', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRangeList([])).toThrow(/a1Notations/);
    expect(() => sheet.getRangeList(['A1', 'not a range'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(["'シート1'!A1"])).toThrow('Range not found');
    expect(() => sheet.getRangeList('A1' as unknown as string[])).toThrow(/don't match the method signature for SpreadsheetApp.Sheet.getRangeList/);
  });

  it('takes a whole number of points and a string format, as the setters are typed', () => {
    const { sheet } = fresh();
    const list = sheet.getRangeList(['A1']);
    expect(() => list.setFontSize(10.5)).toThrow(/RangeList.setFontSize/);
    expect(() => list.setNumberFormat(0 as unknown as string)).toThrow(/RangeList.setNumberFormat/);
  });
});

describe('Range.getFontSizes and setFontSizes', () => {
  it('reads 10 pt where no size was set, writes a size to every cell in one call, and wants a whole number for each', () => {
    const { env, sheet } = fresh();
    sheet.getRange('B1').setFontSize(14);
    env.callLog.reset();
    expect(sheet.getRange('A1:B1').getFontSizes()).toEqual([[10, 14]]);
    sheet.getRange('A1:B1').setFontSizes([[12, 9]]);
    expect(env.callLog.trace).toEqual(['Sheet.getRange', 'Range.getFontSizes', 'Sheet.getRange', 'Range.setFontSizes']);
    expect(sheet.getRange('A1:C1').getFontSizes()).toEqual([[12, 9, 10]]);
    // The reference documents no null for this grid (it does for setFontWeights): the fake refuses it.
    expect(() => sheet.getRange('A1:B1').setFontSizes([[12, null as unknown as number]])).toThrow(/Range.setFontSizes/);
    expect(() => sheet.getRange('A1:B1').setFontSizes([[12, 10.5]])).toThrow(/Range.setFontSizes/);
    expect(() => sheet.getRange('A1:B2').setFontSizes([[12, 12]])).toThrow(/The data has 1 but the range has 2/);
    expect(sheet.getRange('A1:B1').getFontSizes()).toEqual([[12, 9]]);
  });
});

describe('Range.setFontStyles', () => {
  it("sets italics cell by cell, null or 'normal' resetting, and wants the range's shape", () => {
    const { env, sheet } = fresh();
    sheet.getRange('A1:B1').setFontStyle('italic');
    env.callLog.reset();
    sheet.getRange('A1:B1').setFontStyles([['normal', 'italic']]);
    expect(env.callLog.count('Range.setFontStyles')).toBe(1);
    expect([sheet.grid.fontStyles.get(0, 0), sheet.grid.fontStyles.get(0, 1)]).toEqual([undefined, 'italic']);
    sheet.getRange('A1:B1').setFontStyles([[null, null]]);
    expect(sheet.grid.fontStyles.get(0, 1)).toBeUndefined();
    expect(() => sheet.getRange('A1:B2').setFontStyles([['italic', 'italic']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('developer metadata on a sheet', () => {
  it('keeps key and value under each of the four overloads, counted', () => {
    const { env, sheet } = fresh();
    const { PROJECT } = env.globals.SpreadsheetApp.DeveloperMetadataVisibility;
    sheet.addDeveloperMetadata('a');
    sheet.addDeveloperMetadata('b', PROJECT);
    sheet.addDeveloperMetadata('c', 'v');
    sheet.addDeveloperMetadata('d', 'w', PROJECT);
    expect(sheet.peekDeveloperMetadata()).toEqual([
      { key: 'a', value: null },
      { key: 'b', value: null },
      { key: 'c', value: 'v' },
      { key: 'd', value: 'w' },
    ]);
    env.callLog.reset();
    const [, b, , d] = sheet.getDeveloperMetadata();
    expect([b?.getKey(), b?.getVisibility(), d?.getValue(), d?.getVisibility()]).toEqual(['b', PROJECT, 'w', PROJECT]);
    expect(env.callLog.trace).toEqual([
      'Sheet.getDeveloperMetadata',
      'DeveloperMetadata.getKey',
      'DeveloperMetadata.getVisibility',
      'DeveloperMetadata.getValue',
      'DeveloperMetadata.getVisibility',
    ]);
  });

  it('refuses metadata without a key or with a visibility that is not one', () => {
    const { sheet } = fresh();
    expect(() => sheet.addDeveloperMetadata('')).toThrow(/SpreadsheetApp.Sheet.addDeveloperMetadata/);
    expect(() => sheet.addDeveloperMetadata('k', 'v', 'PROJECT' as never)).toThrow(/SpreadsheetApp.Sheet.addDeveloperMetadata/);
    expect(sheet.peekDeveloperMetadata()).toEqual([]);
  });

  it('belongs to its sheet: another sheet, or a new one of the same name, has none', () => {
    const { env, sheet } = fresh();
    sheet.addDeveloperMetadata('k', 'v');
    const other = env.spreadsheet.insertSheet('別');
    expect(other.getDeveloperMetadata()).toEqual([]);
    env.spreadsheet.deleteSheet(sheet);
    expect(env.spreadsheet.insertSheet('シート1').getDeveloperMetadata()).toEqual([]);
  });
});
