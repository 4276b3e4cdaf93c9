import { createGasEnvironment, type GasEnvironment } from './gas-globals';
import { type FakeSheet, PROTECTED_MESSAGE } from './spreadsheet';

/**
 * Where the fake is as strict as Sheets (or stricter, where the reference is silent): plain-text cells keep an
 * apostrophe, protected ranges refuse a person who may not edit them, an array formula's result breaks when
 * something is written into it, charts lie on the grid, and conditional formulas come back normalised.
 */
function world(options: { locale?: string } = {}): { env: GasEnvironment; sheet: FakeSheet } {
  const env = createGasEnvironment({ spreadsheet: options });
  return { env, sheet: env.spreadsheet.peekSheet('シート1') };
}

describe('plain-text (@) cells', () => {
  it('keep a leading apostrophe as content; elsewhere it only keeps text from being parsed', () => {
    const { sheet } = world();
    sheet.getRange('A1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([["'氏名", "'氏名"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([["'氏名", '氏名']]);
    sheet.getRange('A2:B2').setValues([['=1+1', "'=1+1"]]);
    expect(sheet.peekCell('B2')).toMatchObject({ value: '=1+1', formula: '' });
  });
});

describe('protections', () => {
  it('refuse every change by a person who may not edit them, and change nothing', () => {
    const { sheet } = world();
    const protection = sheet.getRange('B2:C3').protect().denyRunningUser();
    expect(protection.canEdit()).toBe(false);
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toThrow(PROTECTED_MESSAGE);
    expect(sheet.peekValues('A1:B2')).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(() => sheet.getRange('C3').setBackground('#ff0000')).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.getRange('C3').setNote('x')).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.getRange('B2').clearContent()).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.deleteRows(3, 1)).toThrow(PROTECTED_MESSAGE);
    // A RangeList is whole or nothing: the open cell A1 is not changed either.
    expect(() => sheet.getRangeList(['A1', 'C2']).setNote('x')).toThrow(PROTECTED_MESSAGE);
    expect(sheet.peekNotes('A1')).toEqual([['']]);
    sheet.getRange('D4').setValue('open');
    expect(sheet.peekValues('D4')).toEqual([['open']]);
  });

  it('a warning-only protection, or one the person edits, refuses nothing', () => {
    const { sheet } = world();
    const warning = sheet.getRange('A1').protect().setWarningOnly(true).denyRunningUser();
    expect(warning.canEdit()).toBe(true);
    sheet.getRange('A1').setValue('x');
    sheet.getRange('B1').protect();
    sheet.getRange('B1').setValue('y');
    expect(sheet.peekValues('A1:B1')).toEqual([['x', 'y']]);
  });

  it('a sheet protection leaves its unprotected ranges open', () => {
    const { sheet } = world();
    const protection = sheet.protect().denyRunningUser();
    protection.setUnprotectedRanges([sheet.getRange('B2:C10')]);
    expect(protection.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:C10']);
    sheet.getRange('B2:C3').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => sheet.getRange('C10:D10').setValues([['e', 'f']])).toThrow(PROTECTED_MESSAGE);
  });
});

describe('array results (ARRAYFORMULA, QUERY…)', () => {
  const FORMULA = '=ARRAYFORMULA(A1:A3*2)';

  it('read as values with no formula; content written into one breaks the array', () => {
    const { sheet } = world();
    sheet.spill('B1', FORMULA, [[2], [4], [6]]);
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([[FORMULA], [''], ['']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    sheet.getRange('B2').setValue('');
    expect(sheet.peekValues('B1:B3')).toEqual([[2], [4], [6]]);
    sheet.getRange('B3').clearContent();
    expect(sheet.peekFilledByArray('B3')).toBe(true);
    sheet.getRange('B2').setValue(4);
    expect(sheet.peekValues('B1:B3')).toEqual([['#REF!'], [4], ['']]);
    expect(sheet.peekCell('B1').formula).toBe(FORMULA);
    expect(sheet.peekFilledByArray('B3')).toBe(false);
  });

  it('writing the formula cell replaces the array; writing back a read value breaks it like any content', () => {
    const { sheet } = world();
    sheet.spill('B1', FORMULA, [[2], [4], [6]]);
    const range = sheet.getRange('B1:B3');
    range.setValues(range.getValues());
    expect(sheet.peekValues('B1:B3')).toEqual([[2], [4], [6]]);
    expect(sheet.peekCell('B1').formula).toBe('');
    expect(sheet.peekFilledByArray('B2')).toBe(false);
  });
});

describe('charts', () => {
  const chart = (sheet: FakeSheet, row: number, column: number) =>
    sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B3')).setPosition(row, column, 0, 0).build();
  let Charts: GoogleAppsScript.Charts.Charts;
  beforeEach(() => {
    Charts = createGasEnvironment().globals.Charts as unknown as GoogleAppsScript.Charts.Charts;
  });

  it('an anchor outside the grid, or a chart of 600 × 371 px reaching past it, is refused', () => {
    const { env, sheet } = world();
    env.spreadsheet.peekSheet('シート1').resizeGrid(40, 10);
    expect(() => sheet.insertChart(chart(sheet, 41, 1))).toThrow(/outside the sheet/);
    // 371 px are 18 rows of 21 px: anchored at row 24 it reaches row 41.
    expect(() => sheet.insertChart(chart(sheet, 24, 1))).toThrow(/reaches row 41, column 6/);
    expect(() => sheet.insertChart(chart(sheet, 1, 6))).toThrow(/column 11/);
    sheet.insertChart(chart(sheet, 23, 5));
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('trimming the sheet from under a chart is refused; a chart below deleted rows moves up with them', () => {
    const { env, sheet } = world();
    env.spreadsheet.peekSheet('シート1').resizeGrid(60, 10);
    sheet.insertChart(chart(sheet, 30, 1));
    expect(() => sheet.deleteRows(41, 20)).toThrow(/outside the sheet/);
    expect(() => sheet.deleteRows(29, 2)).toThrow(/outside the sheet/);
    expect(() => sheet.deleteColumns(3, 8)).toThrow(/outside the sheet/);
    sheet.deleteRows(1, 10);
    expect(sheet.getCharts()[0]?.getContainerInfo().getAnchorRow()).toBe(20);
    sheet.insertRowsBefore(5, 3);
    expect(sheet.getCharts()[0]?.getContainerInfo().getAnchorRow()).toBe(23);
  });
});

describe('conditional formats', () => {
  it('give their formula back as Sheets stores it: capitals, no spaces, the locale’s separator', () => {
    const formula = '=and($G2 = "虐待 あり", $q2="")';
    const read = (locale: string): unknown => {
      const { env, sheet } = world({ locale });
      const rule = env.globals.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground('#f9d6d5')
        .setRanges([sheet.getRange('Q2:Q9')])
        .build();
      sheet.setConditionalFormatRules([rule]);
      return sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getCriteriaValues()[0];
    };
    expect(read('ja_JP')).toBe('=AND($G2="虐待 あり",$Q2="")');
    expect(read('de_DE')).toBe('=AND($G2="虐待 あり";$Q2="")');
  });
});

describe('RangeList', () => {
  it('sets one value, background or note on every cell of its ranges in one call, the value parsed as typed', () => {
    const { env, sheet } = world();
    env.callLog.reset();
    sheet.getRangeList(['A1', 'B3:B4']).setValue("'0012");
    sheet.getRangeList(['A1', 'C1']).setBackground('#FCEFC7');
    sheet.getRangeList(['C1']).setNote('メモ');
    expect(sheet.peekValues('A1:B4').flat()).toEqual(['0012', '', '', '', '', '0012', '', '0012']);
    expect(sheet.peekBackgrounds('A1:C1')).toEqual([['#fcefc7', '#ffffff', '#fcefc7']]);
    expect(sheet.peekNotes('C1')).toEqual([['メモ']]);
    expect(env.callLog.count('RangeList.setValue') + env.callLog.count('RangeList.setBackground') + env.callLog.count('RangeList.setNote')).toBe(3);
  });
});
