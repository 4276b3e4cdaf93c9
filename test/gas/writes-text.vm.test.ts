import { join } from 'node:path';
import { sampleIndicatorSheet } from '../../src/sample/evaluation';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { FakeSheet } from '../fakes/spreadsheet';
import { consultations, CONSULTATION_HEADER } from '../helpers/center';

/**
 * Every text the add-on writes into a center's sheet follows one rule (src/gas/sheets-port.ts, sheetsInput): a cell
 * formatted as plain text ('@') gets the text as it is, because Sheets keeps an apostrophe there as content; any
 * other cell gets the apostrophe that keeps the text from being read as a formula, number or date.
 */
const ROOT = join(__dirname, '..', '..');
const plain = (rows: readonly (readonly unknown[])[]): unknown[][] => rows.map((r) => r.map((v) => (v === null ? '' : v)));

function world(): { env: GasEnvironment; context: object } {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  return { env, context: loadBundle(join(ROOT, 'build', 'Code.js'), env) };
}

/** A sheet whose every cell is formatted as plain text, as a center that chose 表示形式 › 書式なしテキスト has it. */
function asText(sheet: FakeSheet): FakeSheet {
  const { maxRows, maxColumns } = sheet.peekState();
  sheet.getRange(1, 1, maxRows, maxColumns).setNumberFormat('@');
  return sheet;
}

const withApostrophe = (sheet: FakeSheet): string[] =>
  sheet
    .peekValues()
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.startsWith("'"));

describe('text written into plain-text cells', () => {
  test('シートを準備 adds the missing columns of a text-formatted 相談記録 once, without apostrophes', () => {
    const { env, context } = world();
    const header = CONSULTATION_HEADER.slice(0, 6);
    const consult = asText(env.spreadsheet.insertSheet('相談記録'));
    consult.getRange(1, 1, 1, header.length).setValues([header]);
    runFunction(context, 'menuSetupSheets');
    const after = consult.peekValues('1:1')[0]?.filter((v) => v !== '') ?? [];
    expect(withApostrophe(consult)).toEqual([]);
    expect(after.slice(0, header.length)).toEqual(header);
    expect(after.length).toBeGreaterThan(header.length);

    runFunction(context, 'menuSetupSheets');
    expect(consult.peekValues('1:1')[0]?.filter((v) => v !== '')).toEqual(after);
  });

  test('事業評価の指標を取り込む into a text-formatted 事業評価 adds each indicator once', () => {
    const { env, context } = world();
    sheetFromRows(env.spreadsheet, '評価指標', plain(sampleIndicatorSheet().rows));
    const evaluation = asText(env.spreadsheet.insertSheet('事業評価'));
    evaluation.getRange(1, 1, 1, 6).setValues([['年度', '番号', '分類', '指標', '回答', '理由']]);
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    const once = evaluation.peekValues();
    expect(once.length).toBe(22);
    expect(withApostrophe(evaluation)).toEqual([]);
    expect(once[1]?.slice(0, 2)).toEqual(['2020', '1']);

    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    expect(evaluation.peekValues()).toEqual(once);
  });

  test('設定 formatted as text is given its missing 項目 without apostrophes, and a second run adds none', () => {
    const { env, context } = world();
    const settings = asText(env.spreadsheet.insertSheet('設定'));
    settings.getRange(1, 1, 2, 2).setValues([
      ['項目', '値'],
      ['センター名', '本庄西'],
    ]);
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(3)]);
    runFunction(context, 'menuSetupSheets');
    const once = settings.peekValues();
    expect(once.length).toBeGreaterThan(2);
    expect(withApostrophe(settings)).toEqual([]);
    runFunction(context, 'menuSetupSheets');
    expect(settings.peekValues()).toEqual(once);
  });

  test('outside plain-text cells text stays text: a header that looks like a number or formula is not parsed', () => {
    const { env, context } = world();
    sheetFromRows(env.spreadsheet, '評価指標', plain(sampleIndicatorSheet().rows));
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    const evaluation = env.spreadsheet.peekSheet('事業評価');
    // '2020' and '1' are text in the list and stay text (an apostrophe kept them from becoming numbers).
    expect(evaluation.peekValues('A2:B2')[0]).toEqual(['2020', '1']);
    expect(
      evaluation
        .peekFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });
});
