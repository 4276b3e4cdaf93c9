/**
 * A center's ledger kept under its own sheet name, before 読み替え knows it: the check names the sheet that looks like
 * the missing one, with the 読み替え row that would read it (src/domain/sheets/look-alike.ts, through readWorkbook).
 * Expectations are written out by hand: which sheet a person would take for which, and the sentence they read.
 */
import { lookAlikes, sheetMappingRow } from '../../src/domain/sheets/look-alike';
import { namedAlike } from '../../src/domain/values/text';
import { NO_MAPPING } from '../../src/domain/sheets/mapping';
import { registryEntry, type SheetEntry } from '../../src/domain/sheets/registry';
import { defaultSettings, type SettingsReading } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { rawSheet } from '../helpers/tables';

const TODAY = '2026-11-01';

function entry(name: string): SheetEntry {
  const found = registryEntry(name);
  if (!found) throw new Error(`no sheet ${name} in the registry`);
  return found;
}
const CONSULTATIONS_ENTRY = entry('相談記録');
const CONTRACTS_ENTRY = entry('委託契約');
const DELEGATIONS_ENTRY = entry('委託実績');
const settings: SettingsReading = { settings: defaultSettings('みどり'), issues: [] };

/** A 相談受付簿 as a center keeps it: a title, its own headers (four of them the check knows), its own extra columns. */
const RECEPTION: RawSheet = rawSheet('相談受付簿', [
  ['令和8年度　総合相談受付簿'],
  [],
  ['No.', '受付年月日', '曜日', '受付方法', '相談者', '対象者氏名', '相談内容', '対応'],
  [1, '2026/10/3', '土', '電話', '本人', '本庄 花子', '介護保険', '情報提供'],
]);
const CONTRACT_LIST: RawSheet = rawSheet('委託状況', [
  ['居宅介護支援事業所への委託'],
  ['事業所番号', '事業所名', '法人名', '契約開始日'],
  ['1170500123', 'ケアプランさくら', '社会福祉法人さくら会', '2026/4/1'],
]);
const NOTES: RawSheet = rawSheet('メモ', [['電話番号の控え'], ['相談者', '備考']]);

/** The sheets as the job hands them over: each standard sheet looked for (missing ones as undefined). */
function looked(present: Record<string, RawSheet> = {}): Map<string, RawSheet | undefined> {
  const raws = new Map<string, RawSheet | undefined>(['相談記録', '委託契約', '委託実績', '活動記録', '苦情記録'].map((n) => [n, undefined]));
  for (const [name, sheet] of Object.entries(present)) raws.set(name, sheet);
  return raws;
}

describe('a missing sheet names the sheet that looks like it', () => {
  test('相談記録: the error names 相談受付簿, its own headers, and the 読み替え row; the offer lists it first', () => {
    const reading = readWorkbook(looked(), settings, TODAY, undefined, [NOTES, RECEPTION]);
    const missing = reading.issues.find((i) => i.code === 'SHEET_MISSING');
    expect(missing?.message).toBe(
      '「相談記録」シートがありません。「相談受付簿」シートに「受付年月日」「受付方法」「相談者」「対象者氏名」「相談内容」の列があります。' +
        '相談記録をこのシートで付けているなら、「読み替え」シートに種類「シート」・この表での書き方「相談受付簿」・標準「相談記録」の行を加えると、このシートを「相談記録」として読みます。',
    );
    // メモ comes first in the tabs; the ledger like 相談記録 is offered first.
    expect(missing?.offer).toEqual({ kind: 'sheet', standard: '相談記録', candidates: ['相談受付簿', 'メモ'] });
  });

  test('a sheet that may be absent (委託契約): no error, a warning on the sheet like it, at its header row, with the offer', () => {
    const reading = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [
      CONTRACT_LIST,
      NOTES,
    ]);
    const unread = reading.issues.filter((i) => i.code === 'SHEET_UNREAD');
    expect(unread.map((i) => [i.sheet, i.cell, i.severity, i.message, i.offer])).toEqual([
      [
        '委託状況',
        'A2',
        'warning',
        '「委託状況」シートは読んでいませんが、「事業所番号」「事業所名」「法人名」「契約開始日」の列は「委託契約」のものです。' +
          '委託契約をこのシートで付けているなら、「読み替え」シートに種類「シート」・この表での書き方「委託状況」・標準「委託契約」の行を加えると、「委託契約」としてチェックし、月報に数えます。',
        { kind: 'sheet', standard: '委託契約', candidates: ['委託状況'] },
      ],
    ]);
    expect(reading.issues.some((i) => i.code === 'SHEET_MISSING')).toBe(false);
  });

  test('no sheet like it: the plain message, which tells both the add-on and a file how to make the sheet', () => {
    const reading = readWorkbook(looked(), settings, TODAY, undefined, [NOTES]);
    expect(reading.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'SHEET_MISSING',
        '「相談記録」シートがありません。見出しを並べた「相談記録」シートを作ってください（アドオンではメニュー「包括支援」›「シートを準備」で作れます）。センターの別の名前のシートで付けているなら、「読み替え」シートに登録すると、そのシートを読みます。',
      ],
    ]);
  });

  test('last year’s ledger beside this year’s 相談記録 is not offered as the 苦情記録 it shares 受付日 and 対応 with', () => {
    // 受付年月日, 対応 and 備考 are also 苦情記録's 受付日, 対応 and 内容メモ; with 申出者 it would be a complaint list.
    const lastYear = rawSheet('相談受付簿R7', [['受付年月日', '受付方法', '相談者', '相談内容', '申出者', '対応', '備考']]);
    const reading = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [lastYear]);
    expect(reading.issues).toEqual([]);
    // Without 相談記録 it is offered as that, the sheet it is most like.
    const without = readWorkbook(looked(), settings, TODAY, undefined, [lastYear]);
    expect(without.issues.map((i) => [i.sheet, i.code])).toEqual([['相談記録', 'SHEET_MISSING']]);
    expect(without.issues[0]?.message).toContain('「相談受付簿R7」シートに');
  });

  test('columns any ledger has are not enough: 受付日, 対応 and 備考 make no 苦情記録', () => {
    const diary = rawSheet('業務日誌', [['受付日', '対応', '備考']]);
    const reading = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [diary]);
    expect(reading.issues).toEqual([]);
    const complaints = rawSheet('苦情受付', [['受付日', '申出者', '苦情の区分', '対応', '備考']]);
    const withComplaints = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [
      diary,
      complaints,
    ]);
    expect(withComplaints.issues.map((i) => [i.sheet, i.code])).toEqual([['苦情受付', 'SHEET_UNREAD']]);
  });

  test('a sheet that is there is not looked for, and one the job did not look for is not either', () => {
    const contracts = rawSheet('委託契約', [
      ['事業所番号', '事業所名', '契約開始日', '契約終了日'],
      ['1170500123', 'ケアプランさくら', '2026/4/1', null],
    ]);
    const withContracts = readWorkbook(
      looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]), 委託契約: contracts }),
      settings,
      TODAY,
      undefined,
      [CONTRACT_LIST],
    );
    expect(withContracts.issues.filter((i) => i.code === 'SHEET_UNREAD')).toEqual([]);
    // 月報を作成 does not look for 事業評価: a sheet like it is not taken for a missing one.
    const consultations = new Map<string, RawSheet | undefined>([['相談記録', rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()])]]);
    expect(readWorkbook(consultations, settings, TODAY, undefined, [CONTRACT_LIST]).issues.filter((i) => i.code === 'SHEET_UNREAD')).toEqual([]);
  });
});

describe('a ledger kept a sheet a month', () => {
  const month = (name: string): RawSheet => ({ ...RECEPTION, name });

  test('相談記録: the error names the sheets together and says to keep them in one sheet, which 読み替え can name', () => {
    const months = ['4月', '5月', '6月', '7月', '8月', '9月', '10月'].map(month);
    const reading = readWorkbook(looked(), settings, TODAY, undefined, months);
    const missing = reading.issues.find((i) => i.code === 'SHEET_MISSING');
    expect(missing?.message).toBe(
      '「相談記録」シートがありません。「4月」「5月」「6月」「7月」「8月」など7枚のシートに、どれも「受付年月日」「受付方法」「相談者」「対象者氏名」「相談内容」の列があります。' +
        '相談記録を月ごとなどに分けて付けているなら、1枚のシートに行を続けてまとめてから、そのシートを「読み替え」シートに登録すると、そのシートを読みます（「相談記録」として読めるのは1枚のシートです）。',
    );
    expect(missing?.offer).toEqual({ kind: 'sheet', standard: '相談記録', candidates: ['4月', '5月', '6月', '7月', '8月', '9月', '10月'] });
  });

  test('委託実績 a sheet a month: one warning, on the first of them, naming them all', () => {
    const counts = (name: string): RawSheet =>
      rawSheet(name, [
        ['年月', '事業所番号', '介護予防支援', 'うち新規'],
        ['2026-10', '1170500126', 3, 1],
      ]);
    const reading = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [
      counts('実績4月'),
      counts('実績5月'),
    ]);
    expect(reading.issues.map((i) => [i.sheet, i.cell, i.code, i.message])).toEqual([
      [
        '実績4月',
        'A1',
        'SHEET_UNREAD',
        '「実績4月」「実績5月」シートは読んでいませんが、どれも「年月」「事業所番号」「介護予防支援」「うち新規」の列が「委託実績」のものです。' +
          '委託実績を月ごとなどに分けて付けているなら、1枚のシートに行を続けてまとめてから、そのシートを「読み替え」シートに登録すると、チェックし、月報に数えます（「委託実績」として読めるのは1枚のシートです）。',
      ],
    ]);
  });
});

describe('lookAlikes: which sheet for which', () => {
  test('two recognised columns are not enough: a note with 相談者 and 備考 is no ledger', () => {
    expect(lookAlikes([CONSULTATIONS_ENTRY], [NOTES], NO_MAPPING)).toEqual([]);
  });

  test('the sheet naming more of the columns wins; each sheet is named once', () => {
    const thin = rawSheet('受付メモ', [['受付日', '相談者', '相談内容']]);
    expect(lookAlikes([CONSULTATIONS_ENTRY], [thin, RECEPTION], NO_MAPPING).map((a) => [a.standard, a.sheets, a.headerRow])).toEqual([
      ['相談記録', ['相談受付簿'], 3],
    ]);
    expect(lookAlikes([CONSULTATIONS_ENTRY, CONTRACTS_ENTRY], [CONTRACT_LIST, RECEPTION], NO_MAPPING).map((a) => [a.standard, a.sheets])).toEqual([
      ['相談記録', ['相談受付簿']],
      ['委託契約', ['委託状況']],
    ]);
  });

  test('sheets that fit alike (a ledger kept a sheet a month) are named together, in tab order, not one guessed', () => {
    const month = (name: string): RawSheet => ({ ...RECEPTION, name });
    expect(lookAlikes([CONSULTATIONS_ENTRY], [NOTES, month('4月'), month('5月'), month('6月')], NO_MAPPING).map((a) => [a.standard, a.sheets])).toEqual([
      ['相談記録', ['4月', '5月', '6月']],
    ]);
  });

  test('a sheet that fits two missing sheets exactly as well is named for neither', () => {
    // Hypothetical standards with the same three columns: which one it is cannot be told from its header.
    const twin = (name: string): SheetEntry => ({ ...CONTRACTS_ENTRY, name, columns: CONTRACTS_ENTRY.columns.slice(0, 3) });
    expect(lookAlikes([twin('甲'), twin('乙')], [rawSheet('事業所', [['事業所番号', '事業所名', '法人名']])], NO_MAPPING)).toEqual([]);
  });

  test('an office list is taken for 委託契約, a monthly count list for 委託実績, though both name 事業所番号', () => {
    const offices = rawSheet('事業所', [['事業所番号', '事業所名', '法人名']]);
    const counts = rawSheet('実績', [['年月', '事業所番号', '介護予防支援', 'うち新規']]);
    expect(lookAlikes([CONTRACTS_ENTRY, DELEGATIONS_ENTRY], [counts, offices], NO_MAPPING).map((a) => [a.standard, a.sheets, a.headers])).toEqual([
      ['委託実績', ['実績'], ['年月', '事業所番号', '介護予防支援', 'うち新規']],
      ['委託契約', ['事業所'], ['事業所番号', '事業所名', '法人名']],
    ]);
  });

  // Standards made for the rules below from 委託契約's columns (all of them required), where no real pair shows them.
  const standard = (name: string, columns: readonly number[]): SheetEntry => ({
    ...CONTRACTS_ENTRY,
    name,
    columns: columns.map((i) => CONTRACTS_ENTRY.columns[i]).filter((c) => c !== undefined),
  });
  const sheetWith = (name: string, headers: readonly string[]): RawSheet => rawSheet(name, [headers]);

  test('as many columns of two: the sheet goes to the one whose columns it covers more of', () => {
    const wide = standard('広', [0, 1, 2, 3, 5, 6]);
    const narrow = standard('狭', [0, 1, 2, 3]);
    expect(
      lookAlikes([wide, narrow], [sheetWith('一覧', ['事業所番号', '事業所名', '法人名', '所在地'])], NO_MAPPING).map((a) => [a.standard, a.sheets]),
    ).toEqual([['狭', ['一覧']]]);
  });

  test('two sheets fitting two standards alike, each its own: named each for its own', () => {
    const first = standard('甲', [0, 1, 2]);
    const second = standard('乙', [3, 5, 6]);
    const sheets = [sheetWith('一', ['事業所番号', '事業所名', '法人名']), sheetWith('二', ['所在地', '委託区分', '契約開始日'])];
    expect(lookAlikes([first, second], sheets, NO_MAPPING).map((a) => [a.standard, a.sheets])).toEqual([
      ['甲', ['一']],
      ['乙', ['二']],
    ]);
  });

  test('a sheet fitting a sheet the center has exactly as well as a missing one is not offered; one fitting the missing one better is', () => {
    const there = standard('有', [0, 1, 2]);
    const missing = standard('無', [0, 1, 2]);
    const same = sheetWith('同じ', ['事業所番号', '事業所名', '法人名']);
    expect(lookAlikes([missing], [same], NO_MAPPING, [there])).toEqual([]);
    const wider = standard('無', [0, 1, 2, 3]);
    const better = sheetWith('広い', ['事業所番号', '事業所名', '法人名', '所在地']);
    expect(lookAlikes([wider], [better], NO_MAPPING, [there]).map((a) => [a.standard, a.sheets])).toEqual([['無', ['広い']]]);
  });

  test('the 読み替え row, as a person types it', () => {
    expect(sheetMappingRow('委託状況', '委託契約')).toBe('種類「シート」・この表での書き方「委託状況」・標準「委託契約」');
  });
});

describe('a sheet named as the standard one but for a space or 全角/半角 (「相談記録 」): rename it', () => {
  test.each([
    ['相談記録 ', '相談記録', true],
    [' 相談記録', '相談記録', true],
    ['相談　記録', '相談記録', true],
    ['ＡＢＣ', 'ABC', true],
    ['相談記録', '相談記録', false],
    ['相談記録R7', '相談記録', false],
    ['【相談記録】', '相談記録', false],
  ])('namedAlike(%j, %j) is %s', (sheet, standard, alike) => {
    expect(namedAlike(sheet, standard)).toBe(alike);
  });

  test('相談記録: named whatever its header, ahead of a sheet with every column, and the error says to rename it', () => {
    // Two of its columns are known, fewer than a sheet is taken for 相談記録 by its header.
    const spaced = rawSheet('相談記録 ', [['受付年月日', '相談内容', '独自の列']]);
    const lastYear = rawSheet('相談記録R7', [CONSULTATION_HEADER, consultationRow()]);
    const reading = readWorkbook(looked(), settings, TODAY, undefined, [lastYear, spaced]);
    expect(reading.issues.filter((i) => i.code === 'SHEET_MISSING').map((i) => i.message)).toEqual([
      '「相談記録」シートがありません。「相談記録 」シートの名前は、空白か全角・半角だけが「相談記録」と違います（見た目が同じでも別の名前です）。シート名を「相談記録」に直すと、このシートを読みます。',
    ]);
  });

  test('委託契約 in a file: the warning says to rename it, and the 月報 counts it then', () => {
    const reading = readWorkbook(looked({ 相談記録: rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]) }), settings, TODAY, undefined, [
      rawSheet('委託契約　', [['事業所番号', '事業所名', '法人名', '契約開始日']]),
    ]);
    expect(reading.issues.filter((i) => i.code === 'SHEET_UNREAD').map((i) => i.message)).toEqual([
      '「委託契約　」シートは読んでいません。「委託契約　」シートの名前は、空白か全角・半角だけが「委託契約」と違います（見た目が同じでも別の名前です）。シート名を「委託契約」に直すと、「委託契約」としてチェックし、月報に数えます。',
    ]);
  });
});
