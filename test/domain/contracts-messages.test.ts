/**
 * The whole messages 委託契約's check writes, as the staff read them in the sidebar: each column's hint, the
 * parameters of each rule's message, and the rows on which a rule stays silent. Expected texts are written out
 * by hand from the error catalogue's templates (src/domain/issues/catalogue.ts).
 */
import type { CellValue } from '../../src/domain/values/cell';
import { CONTRACT_COLUMNS, CONTRACTS_SHEET, contractPeriod, readContracts } from '../../src/domain/sheets/contracts';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { contractRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const HEADER = CONTRACT_COLUMNS.map((c) => c.header);
const settings: Settings = { ...defaultSettings('本庄西'), prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };

const row = contractRow;

function read(rows: CellValue[][], headers: readonly string[] = HEADER, place: Settings = settings) {
  const table = toTable(rawSheet(CONTRACTS_SHEET, [headers, ...rows]), CONTRACT_COLUMNS);
  if (!table) throw new Error('no table');
  return readContracts(table, { settings: place });
}

/** What the sidebar shows of an issue: where, which rule, the sentence, and the offered value if any. */
const seen = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code, i.message, i.suggestion]);

describe('委託契約: the hint each column gives', () => {
  test('a blank required cell names what to enter', () => {
    const { issues } = read([row({ 事業所番号: '', 事業所名: '', 法人名: '', 所在地: '', 委託区分: '', 契約開始日: null })]);
    expect(seen(issues)).toEqual([
      ['A2', 'REQUIRED', '「事業所番号」が空です。介護保険の事業所番号（10文字）を入力してください。', undefined],
      ['B2', 'REQUIRED', '「事業所名」が空です。事業所名を入力してください。', undefined],
      ['C2', 'REQUIRED', '「法人名」が空です。事業所を運営する法人の名前を入力してください。', undefined],
      ['D2', 'REQUIRED', '「所在地」が空です。事業所の所在地を入力してください。', undefined],
      ['F2', 'REQUIRED', '「委託区分」が空です。「介護予防支援」「介護予防ケアマネジメント」「両方」のどれかを入力してください。', undefined],
      ['G2', 'REQUIRED', '「契約開始日」が空です。日付（例: 2026-04-01）を入力してください。', undefined],
    ]);
  });

  test('an error value in an optional column repeats its hint, and no rule about the empty value follows', () => {
    const { issues, contracts } = read([row({ 所在: '#N/A', 契約終了日: '#REF!', 運営協議会承認日: '#REF!', 選定理由: '#VALUE!' })]);
    expect(seen(issues)).toEqual([
      ['E2', 'CELL_ERROR', '「所在」がエラー値「#N/A」になっています（数式の参照先が消えたなど）。市町村名を値で入力し直してください。', undefined],
      [
        'H2',
        'CELL_ERROR',
        '「契約終了日」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。日付（例: 2026-04-01）を値で入力し直してください。',
        undefined,
      ],
      [
        'I2',
        'CELL_ERROR',
        '「運営協議会承認日」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。日付（例: 2026-04-01）を値で入力し直してください。',
        undefined,
      ],
      [
        'J2',
        'CELL_ERROR',
        '「選定理由」がエラー値「#VALUE!」になっています（数式の参照先が消えたなど）。選んだ理由（利用者の希望、複数事業所から選んだ経緯など）を値で入力し直してください。',
        undefined,
      ],
    ]);
    // 所在 unreadable: the contract is grouped under the municipality of its address.
    expect(contracts.map((c) => [c.municipality, c.end, c.approvedOn, c.reason])).toEqual([['本庄市', undefined, undefined, undefined]]);
  });

  test('an error value in 事業所名 and 法人名 keeps the contract with those names empty', () => {
    const { issues, contracts } = read([row({ 事業所名: '#REF!', 法人名: '#REF!', 所在地: '#REF!' })]);
    expect(seen(issues)).toEqual([
      ['B2', 'CELL_ERROR', '「事業所名」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。事業所名を値で入力し直してください。', undefined],
      [
        'C2',
        'CELL_ERROR',
        '「法人名」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。事業所を運営する法人の名前を値で入力し直してください。',
        undefined,
      ],
      ['D2', 'CELL_ERROR', '「所在地」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。事業所の所在地を値で入力し直してください。', undefined],
    ]);
    expect(contracts.map((c) => [c.name, c.corporation, c.address, c.municipality])).toEqual([['', '', '', '本庄市']]);
  });

  test('each text column has its own length limit', () => {
    const { issues } = read([
      row({ 事業所名: 'あ'.repeat(201), 法人名: 'い'.repeat(201), 所在地: '本庄市' + 'う'.repeat(298), 所在: 'え'.repeat(101), 選定理由: 'お'.repeat(2001) }),
      row({ 事業所番号: '1171300021', 事業所名: 'あ'.repeat(200), 法人名: 'い'.repeat(200), 所在地: '本庄市' + 'う'.repeat(297), 選定理由: 'お'.repeat(2000) }),
    ]);
    expect(issues.filter((i) => i.code === 'TEXT_TOO_LONG').map((i) => [i.cell, i.message])).toEqual([
      ['B2', '「事業所名」が201文字あります。200文字以内にしてください。'],
      ['C2', '「法人名」が201文字あります。200文字以内にしてください。'],
      ['D2', '「所在地」が301文字あります。300文字以内にしてください。'],
      ['E2', '「所在」が101文字あります。100文字以内にしてください。'],
      ['J2', '「選定理由」が2,001文字あります。2,000文字以内にしてください。'],
    ]);
  });

  test('an unknown 委託区分 lists the three choices', () => {
    const { issues, contracts } = read([row({ 委託区分: '居宅介護支援' })]);
    expect(seen(issues)).toEqual([
      [
        'F2',
        'CHOICE_UNKNOWN',
        '「委託区分」の「居宅介護支援」は選択肢にありません。「介護予防支援」「介護予防ケアマネジメント」「両方」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
        undefined,
      ],
    ]);
    expect(contracts[0]?.kind).toBeUndefined();
  });
});

describe('委託契約: 所在 and 所在地', () => {
  test('an empty 所在 names the address and the municipality read from it', () => {
    const { issues } = read([row({ 所在: '', 所在地: '上里町大字堤487-1' })]);
    expect(seen(issues)).toEqual([
      [
        'E2',
        'MUNICIPALITY_DERIVED',
        '「所在」が空なので、所在地「上里町大字堤487-1」から「上里町」と読みました。よければ「上里町」と入力してください。',
        '上里町',
      ],
    ]);
  });

  test('a 所在 that disagrees names both values and the address', () => {
    const { issues } = read([row({ 所在: '本庄市', 所在地: '深谷市岡部1010-3' })]);
    expect(seen(issues)).toEqual([
      [
        'E2',
        'MUNICIPALITY_MISMATCH',
        '「所在」の「本庄市」は、所在地「深谷市岡部1010-3」から読める「深谷市」と違います。所在地と所在のどちらが正しいか確かめてください。',
        '深谷市',
      ],
    ]);
  });

  test('a header written as a synonym is the title the messages use', () => {
    const headers = HEADER.map((h) => (h === '所在' ? '所在市町村' : h));
    const { issues } = read([row({ 所在市町村: '', 所在地: '上里町大字堤487-1' }, headers)], headers);
    expect(issues.map((i) => [i.column, i.message])).toEqual([
      ['所在市町村', '「所在市町村」が空なので、所在地「上里町大字堤487-1」から「上里町」と読みました。よければ「上里町」と入力してください。'],
    ]);
  });

  test('nothing is derived from an empty or unreadable 所在地, and an unreadable 所在 is not called empty', () => {
    const { issues, contracts } = read([
      row({ 所在: '', 所在地: '' }),
      row({ 事業所番号: '1171300021', 所在: '', 所在地: '#REF!' }),
      row({ 事業所番号: '1171300039', 所在: '#REF!', 所在地: '深谷市岡部1010-3' }),
    ]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['D2', 'REQUIRED'],
      ['D3', 'CELL_ERROR'],
      ['E4', 'CELL_ERROR'],
    ]);
    expect(contracts.map((c) => c.municipality)).toEqual(['', '', '深谷市']);
  });

  test('an address whose municipality cannot be read leaves a given 所在 alone and an empty one empty', () => {
    // With no own municipality set, an address without one (早稲田の杜 …) says nothing, so nothing is compared or offered.
    const noPlace: Settings = { ...settings, municipality: '' };
    const { issues, contracts } = read(
      [row({ 所在: '深谷市', 所在地: '早稲田の杜5-14-8' }), row({ 事業所番号: '1171300021', 所在: '', 所在地: '早稲田の杜5-14-8' })],
      HEADER,
      noPlace,
    );
    expect(issues).toEqual([]);
    expect(contracts.map((c) => c.municipality)).toEqual(['深谷市', '']);
  });
});

describe('委託契約: dates, approval and reason', () => {
  test('契約終了日 before 契約開始日 names both dates', () => {
    const { issues } = read([row({ 契約終了日: d('2020-03-31') })]);
    expect(seen(issues)).toEqual([
      ['H2', 'CONTRACT_END_BEFORE_START', '「契約終了日」の 2020-03-31 が契約開始日 2020-04-01 より前です。契約の期間を確かめてください。', undefined],
    ]);
  });

  test('without a readable 契約開始日 the end and the approval are not compared with it', () => {
    const { issues } = read([row({ 契約開始日: null, 契約終了日: d('2019-01-01'), 運営協議会承認日: d('2021-01-01') })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['G2', 'REQUIRED']]);
  });

  test('a missing approval is a warning that says what to do', () => {
    const { issues } = read([row({ 運営協議会承認日: '' })]);
    expect(seen(issues)).toEqual([
      [
        'I2',
        'APPROVAL_MISSING',
        '「運営協議会承認日」が空です。委託先は運営協議会の承認を得て決めるものです。承認を得た日を入力してください（まだなら、次の運営協議会に諮ってください）。',
        undefined,
      ],
    ]);
  });

  test('an approval after the start names both dates', () => {
    const { issues } = read([row({ 運営協議会承認日: d('2020-04-02') })]);
    expect(seen(issues)).toEqual([
      [
        'I2',
        'APPROVAL_AFTER_START',
        '運営協議会の承認（2020-04-02）が契約開始日 2020-04-01 より後です。承認の前に委託を始めていないか確かめ、経緯を選定理由などに残してください。',
        undefined,
      ],
    ]);
  });

  test('an unreadable approval date is reported as unreadable, not as missing', () => {
    const { issues } = read([row({ 運営協議会承認日: 'いつか' })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['I2', 'DATE_INVALID']]);
  });

  test('a missing 選定理由 asks for the reason, in the words of the column hint', () => {
    const { issues, contracts } = read([row({ 選定理由: '' })]);
    expect(seen(issues)).toEqual([
      [
        'J2',
        'SELECTION_REASON_MISSING',
        '「選定理由」が空です。公正・中立のため、この事業所を選んだ理由（利用者の希望、複数事業所から選んだ経緯など）を入力してください。',
        undefined,
      ],
    ]);
    expect(contracts[0]?.reason).toBeUndefined();
  });

  test('without a 選定理由 column nothing is asked', () => {
    const headers = HEADER.filter((h) => h !== '選定理由');
    expect(read([row({}, headers)], headers).issues).toEqual([]);
  });

  test('an end date and an approval are kept on the contract', () => {
    const { contracts } = read([row({ 契約終了日: d('2021-03-31'), 運営協議会承認日: d('2020-04-01') })]);
    expect(contracts.map((c) => [c.start, c.end, c.approvedOn])).toEqual([['2020-04-01', '2021-03-31', '2020-04-01']]);
  });
});

describe('委託契約: overlap messages', () => {
  const office = (start: string, end: string | null, number = '1171300013'): CellValue[] =>
    row({ 事業所番号: number, 契約開始日: d(start), 契約終了日: end === null ? null : d(end), 運営協議会承認日: d(start) });

  test('two rows sharing a day each name the other with its period', () => {
    const { issues } = read([office('2020-04-01', '2021-04-01'), office('2021-04-01', null)]);
    expect(seen(issues)).toEqual([
      [
        'G2',
        'CONTRACT_OVERLAP',
        'トマト村（1171300013）のこの契約（2020-04-01〜2021-04-01）は、同じ事業所の3行目の契約（2021-04-01〜）と期間が重なっています。同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。',
        undefined,
      ],
      [
        'G3',
        'CONTRACT_OVERLAP',
        'トマト村（1171300013）のこの契約（2021-04-01〜）は、同じ事業所の2行目の契約（2020-04-01〜2021-04-01）と期間が重なっています。同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。',
        undefined,
      ],
    ]);
  });

  test('five copies: each names the first three others by row and counts the rest', () => {
    const { issues } = read([1, 2, 3, 4, 5].map(() => office('2020-04-01', null)));
    const tail = 'と期間が重なっています。同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。';
    const head = 'トマト村（1171300013）のこの契約（2020-04-01〜）は、同じ事業所の';
    const named = (rows: number[]) => rows.map((n) => `${n}行目の契約（2020-04-01〜）`).join('・');
    expect(issues.map((i) => i.message)).toEqual([
      `${head}${named([3, 4, 5])}ほか1件${tail}`,
      `${head}${named([2, 4, 5])}ほか1件${tail}`,
      `${head}${named([2, 3, 5])}ほか1件${tail}`,
      `${head}${named([2, 3, 4])}ほか1件${tail}`,
      expect.stringMatching(new RegExp(`^${head}(\\d行目の契約（2020-04-01〜）・){2}\\d行目の契約（2020-04-01〜）ほか1件${tail}$`)),
    ]);
  });

  test('rows that are no contract take no part in overlaps', () => {
    expect(read([office('2020-04-01', null), row({ 契約開始日: 'いつか' })]).issues.map((i) => i.code)).toEqual(['DATE_INVALID']);
  });
});

describe('contractPeriod', () => {
  test('an open end is written with nothing after 〜', () => {
    expect(contractPeriod({ start: '2021-01-01' })).toBe('2021-01-01〜');
    expect(contractPeriod({ start: '2021-01-01', end: '2022-03-31' })).toBe('2021-01-01〜2022-03-31');
  });
});
