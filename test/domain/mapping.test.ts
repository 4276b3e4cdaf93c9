import type { Issue } from '../../src/domain/issues/issue';
import { localSheetName, mappedColumns, readMapping, standardSheetOf } from '../../src/domain/sheets/mapping';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { defaultSettings, type SettingsReading } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { checkSheet, isCheckedSheet, readWorkbook } from '../../src/domain/sheets/workbook-check';
import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { rawSheet } from '../helpers/tables';

const TODAY = '2026-11-01';
const settings = defaultSettings('本庄西');
const settingsReading: SettingsReading = { settings, issues: [] };
const HEADER = ['種類', '対象', 'この表での書き方', '標準'];

function mappingOf(rows: readonly (readonly CellValue[])[]) {
  return readMapping(rawSheet('読み替え', [HEADER, ...rows]), settings);
}

const brief = (issues: readonly Issue[]): [string, string, string][] => issues.map((i) => [i.cell, i.code, i.message]);

describe('読み替え: reading the sheet', () => {
  test('one mapping a row: a sheet, a header and a word', () => {
    const { mapping, issues } = mappingOf([
      ['シート', '', '相談台帳', '相談記録'],
      ['見出し', '相談記録', '来談日', '受付日'],
      ['値', '相談方法', '来談', '来所'],
    ]);
    expect(issues).toEqual([]);
    expect(localSheetName(mapping, '相談記録')).toBe('相談台帳');
    expect(localSheetName(mapping, '委託契約')).toBe('委託契約');
    expect(standardSheetOf(mapping, '相談台帳')).toBe('相談記録');
    // The standard name is no longer read once another sheet is read as it.
    expect(standardSheetOf(mapping, '相談記録')).toBeUndefined();
    expect(standardSheetOf(mapping, '委託契約')).toBe('委託契約');
    expect(standardSheetOf(mapping, 'メモ')).toBeUndefined();
    expect(mapping.headers.get('相談記録')?.get('receivedOn')?.local).toBe('来談日');
    expect(mapping.words.get('相談記録')?.get('method')?.get('来談')).toEqual({ local: '来談', standard: '来所' });
  });

  test("a 見出し row may name the sheet by the center's own name, and the words of 種類 have variants", () => {
    const { mapping, issues } = mappingOf([
      ['シート名', '', '相談台帳', '相談記録'],
      ['列', '相談台帳', '来談日', '受付日'],
      ['選択肢', '相談者', 'ケアマネさん', '介護支援専門員'],
    ]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['A2', 'CHOICE_VARIANT', 'シート'],
      ['A3', 'CHOICE_VARIANT', '見出し'],
      ['A4', 'CHOICE_VARIANT', '値'],
    ]);
    expect(mapping.headers.get('相談記録')?.get('receivedOn')?.local).toBe('来談日');
    expect(mapping.words.get('相談記録')?.get('requester')?.get('ケアマネさん')).toEqual({ local: 'ケアマネさん', standard: '介護支援専門員' });
  });

  test('a row that cannot be used says what is wrong and what would be right, on its own cell, and is left out', () => {
    const { mapping, issues } = mappingOf([
      ['シート', '', '相談台帳', '相談記録簿'],
      ['見出し', '相談記録', '来談日', '来所日'],
      ['見出し', '苦情台帳', '申出日', '受付日'],
      ['値', '受付日', '昨日', '今日'],
      ['値', '相談方法', '来談', 'お店'],
      ['値', '相談方法', '来所', '電話'],
      ['種別', '相談方法', '来談', '来所'],
      ['見出し', '相談記録', '', '受付日'],
    ]);
    expect(brief(issues)).toEqual([
      [
        'D2',
        'MAPPING_SHEET_UNKNOWN',
        '「標準」の「相談記録簿」は、包括支援シートが読むシートではありません。「相談記録」「委託契約」「委託実績」「活動記録」「苦情記録」「評価指標」「事業評価」のどれかを書いてください。',
      ],
      [
        'D3',
        'MAPPING_HEADER_UNKNOWN',
        '「相談記録」には「来所日」という標準の見出しはありません。「受付日」「相談者ID」「新規/継続」「相談方法」「相談者」「業務区分」「相談内容」「認知症関連」「夜間休日」「対応職種」「対応内容」「紹介事業所」「紹介理由」「市への報告日」「担当者」「氏名」「内容メモ」のどれかを「標準」に書いてください。',
      ],
      [
        'B4',
        'MAPPING_SHEET_UNKNOWN',
        '「対象」の「苦情台帳」は、包括支援シートが読むシートではありません。「相談記録」「委託契約」「委託実績」「活動記録」「苦情記録」「評価指標」「事業評価」のどれかを書いてください。',
      ],
      [
        'B5',
        'MAPPING_COLUMN_UNKNOWN',
        '「対象」の「受付日」は、選択肢から選ぶ列ではありません。値の読み替えは「新規/継続」「相談方法」「相談者」「業務区分」「相談内容」「対応職種」「対応内容」「委託区分」「種類」「参加職種」「申出者」「内容区分」の列に使えます。',
      ],
      [
        'D6',
        'MAPPING_CHOICE_UNKNOWN',
        '「相談方法」に「お店」という選択肢はありません。「標準」には「電話」「来所」「訪問」「メール・FAX」「その他」のどれかを書いてください。',
      ],
      [
        'C7',
        'MAPPING_CHOICE_ITSELF',
        '「来所」はもともと「相談方法」の選択肢です。別の選択肢として読むと集計の意味が変わるので、読み替えられません。この行を消してください。',
      ],
      [
        'A8',
        'CHOICE_UNKNOWN',
        '「種類」の「種別」は選択肢にありません。「シート」「見出し」「値」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
      ['C9', 'REQUIRED', '「この表での書き方」が空です。この表での見出しを入力してください。'],
    ]);
    expect(issues.every((i) => i.sheet === '読み替え' && i.severity === 'error')).toBe(true);
    expect(mapping.sheets.size + mapping.headers.size + mapping.words.size).toBe(0);
  });

  test('something mapped twice: the later row is refused, naming the earlier one', () => {
    const { mapping, issues } = mappingOf([
      ['シート', '', '相談台帳', '相談記録'],
      ['シート', '', '相談台帳2', '相談記録'],
      ['シート', '', '相談台帳', '委託契約'],
      ['見出し', '相談記録', '来談日', '受付日'],
      ['見出し', '相談記録', '受付年月', '受付日'],
      ['見出し', '相談記録', '来談日', '相談者ID'],
      ['値', '相談方法', '来談', '来所'],
      ['値', '相談方法', '来談', '訪問'],
    ]);
    expect(brief(issues)).toEqual([
      ['D3', 'MAPPING_TWICE', '「相談記録」シートは 2 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。'],
      ['C4', 'MAPPING_TWICE', '「相談台帳」シートは 2 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。'],
      ['D6', 'MAPPING_TWICE', '「相談記録」の「受付日」は 5 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。'],
      ['C7', 'MAPPING_TWICE', '「相談記録」の見出し「来談日」は 5 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。'],
      ['C9', 'MAPPING_TWICE', '「相談方法」の「来談」は 8 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。'],
    ]);
    expect(localSheetName(mapping, '相談記録')).toBe('相談台帳');
    expect(localSheetName(mapping, '委託契約')).toBe('委託契約');
    expect(mapping.headers.get('相談記録')?.get('receivedOn')?.local).toBe('来談日');
    expect(mapping.headers.get('相談記録')?.has('personId')).toBe(false);
    expect(mapping.words.get('相談記録')?.get('method')?.get('来談')).toEqual({ local: '来談', standard: '来所' });
  });

  test("rows in any order: a 値 row above the 見出し row that names its column by the center's header", () => {
    const { mapping, issues } = mappingOf([
      ['値', '区分', '総合', '総合相談支援'],
      ['見出し', '相談台帳', '区分', '業務区分'],
      ['シート', '', '相談台帳', '相談記録'],
    ]);
    expect(issues).toEqual([]);
    // 区分 is a built-in synonym of 新規/継続, but this center's 区分 is its 業務区分.
    expect(mapping.words.get('相談記録')?.get('businessArea')?.get('総合')).toEqual({ local: '総合', standard: '総合相談支援' });
    expect(mapping.words.get('相談記録')?.has('caseType')).toBe(false);
  });

  test('a city topic list: a word is mapped to the 相談内容 the city set, not to the default list', () => {
    const city = { ...settings, consultationTopics: ['介護', '認知症', '虐待', 'その他'] };
    const reading = readMapping(rawSheet('読み替え', [HEADER, ['値', '相談内容', 'かいご', '介護'], ['値', '相談内容', '住宅', '住まい']]), city);
    expect(reading.mapping.words.get('相談記録')?.get('topic')?.get('かいご')?.standard).toBe('介護');
    expect(brief(reading.issues).map(([cell, code]) => [cell, code])).toEqual([['D3', 'MAPPING_CHOICE_UNKNOWN']]);
  });

  test('no sheet, an empty sheet: no mapping and nothing to say; a sheet without its header says which header it needs', () => {
    expect(readMapping(undefined, settings).issues).toEqual([]);
    expect(readMapping(rawSheet('読み替え', [[null, '']]), settings).issues).toEqual([]);
    expect(brief(readMapping(rawSheet('読み替え', [['メモ'], ['相談台帳は相談記録のこと']]), settings).issues)).toEqual([
      [
        'A1',
        'HEADER_MISSING',
        '「読み替え」の上から10行に見出し行が見つかりません。「種類」「対象」「この表での書き方」「標準」などの見出しを1行に並べてください。',
      ],
    ]);
  });
});

describe('読み替え: how a sheet is framed', () => {
  test('a mapped header wins over the built-in synonyms, both ways', () => {
    // 区分 is a built-in synonym of 新規/継続; this center's 区分 is its 業務区分, and its 新規/継続 is 初回・継続.
    const { mapping } = mappingOf([
      ['見出し', '相談記録', '区分', '業務区分'],
      ['見出し', '相談記録', '初回か', '新規/継続'],
    ]);
    const columns = mappedColumns(mapping, '相談記録', CONSULTATION_COLUMNS);
    const table = toTable(rawSheet('相談記録', [['受付日', '区分', '初回か', '新規/継続']]), columns);
    expect(table?.columns).toMatchObject({ receivedOn: 0, businessArea: 1, caseType: 2 });
    // The column headed with the standard name itself is now nothing: the center said 初回か is 新規/継続.
    expect(Object.values(table?.columns ?? {})).not.toContain(3);
    expect(mappedColumns(mapping, '委託契約', CONSULTATION_COLUMNS)).toBe(CONSULTATION_COLUMNS);
  });

  test("a center's ledger read through its mapping: records as in the standard layout, issues in its own words", () => {
    const own = ['来談日', 'ケースNo', '初回・継続', '方法', '相談元', '区分', '主訴', '認知症', '時間外', '職種', '対応', '地区'];
    const standardOf: Record<string, string> = {
      来談日: '受付日',
      ケースNo: '相談者ID',
      '初回・継続': '新規/継続',
      方法: '相談方法',
      相談元: '相談者',
      区分: '業務区分',
      主訴: '相談内容',
      認知症: '認知症関連',
      時間外: '夜間休日',
      職種: '対応職種',
      対応: '対応内容',
    };
    const mappingRows: CellValue[][] = [
      ['シート', '', '相談台帳', '相談記録'],
      ...Object.entries(standardOf).map(([local, standard]) => ['見出し', '相談記録', local, standard]),
      ['値', '相談方法', '来談', '来所'],
      ['値', '相談者', 'ケアマネさん', '介護支援専門員'],
    ];
    const ownRow = (over: Record<string, CellValue>): CellValue[] => {
      const standard = consultationRow(over);
      return own.map((h) => (h === '地区' ? '北' : (standard[CONSULTATION_HEADER.indexOf(standardOf[h] ?? h)] ?? null)));
    };
    const ledger = rawSheet('相談台帳', [
      ['相談台帳 令和8年度'],
      own,
      ownRow({ 相談方法: '来談', 相談者: 'ケアマネさん' }),
      ownRow({ 相談方法: '来所', 相談者: '介護支援専門員' }),
      ownRow({ 相談方法: 'でんしょばと', 受付日: '2026/2/30' }),
    ]);
    const mapping = mappingOf(mappingRows);
    expect(mapping.issues).toEqual([]);
    const reading = readWorkbook(new Map([['相談台帳', ledger]]), settingsReading, TODAY, mapping);
    expect(reading.consultations.map((c) => [c.row, c.method, c.requester, c.businessArea])).toEqual([
      [3, '来所', '介護支援専門員', '総合相談支援'],
      [4, '来所', '介護支援専門員', '総合相談支援'],
      [5, undefined, '本人', '総合相談支援'],
    ]);
    expect(reading.issues.map((i) => [i.sheet, i.cell, i.column, i.code])).toEqual([
      ['相談台帳', 'A5', '来談日', 'DATE_INVALID'],
      ['相談台帳', 'D5', '方法', 'CHOICE_UNKNOWN'],
    ]);
    const unknown = reading.issues.find((i) => i.code === 'CHOICE_UNKNOWN');
    expect(unknown?.message).toContain('「方法」の「でんしょばと」は選択肢にありません');
    expect(unknown?.offer).toEqual({ kind: 'value', column: '相談方法', local: 'でんしょばと', choices: ['電話', '来所', '訪問', 'メール・FAX', 'その他'] });
    // Without the mapping the same ledger is not found at all.
    const without = readWorkbook(new Map([['相談台帳', ledger]]), settingsReading, TODAY);
    expect(without.issues.map((i) => [i.sheet, i.code])).toEqual([['相談記録', 'SHEET_MISSING']]);
    expect(without.issues[0]?.offer).toEqual({ kind: 'sheet', standard: '相談記録', candidates: [] });
  });

  test('a built-in variant the center maps is read without the warning it otherwise gets (ケアマネ → 介護支援専門員)', () => {
    const sheet = rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow({ 相談者: 'ケアマネ' })]);
    const plain = readWorkbook(new Map([['相談記録', sheet]]), settingsReading, TODAY);
    expect(plain.issues.map((i) => [i.cell, i.code])).toEqual([['E2', 'CHOICE_VARIANT']]);
    const mapped = readWorkbook(new Map([['相談記録', sheet]]), settingsReading, TODAY, mappingOf([['値', '相談者', 'ケアマネ', '介護支援専門員']]));
    expect(mapped.issues).toEqual([]);
    expect(mapped.consultations[0]?.requester).toBe('介護支援専門員');
  });

  test('onEdit: the edited sheet is checked under its own name, 読み替え itself is checked, other sheets are not', () => {
    const mapping = mappingOf([
      ['シート', '', '相談台帳', '相談記録'],
      ['値', '相談方法', '来談', '来所'],
    ]);
    expect(isCheckedSheet('相談台帳', mapping.mapping)).toBe(true);
    expect(isCheckedSheet('相談記録', mapping.mapping)).toBe(false);
    expect(isCheckedSheet('読み替え', mapping.mapping)).toBe(true);
    expect(isCheckedSheet('委託契約', mapping.mapping)).toBe(true);
    const edited = rawSheet('相談台帳', [CONSULTATION_HEADER, consultationRow({ 相談方法: '来談' }), consultationRow({ 相談方法: 'TEL' })]);
    const check = checkSheet('相談台帳', edited, { settings, today: TODAY }, mapping);
    expect(check.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([['相談台帳', 'D3', 'CHOICE_VARIANT']]);
    expect(checkSheet('相談記録', edited, { settings, today: TODAY }, mapping).issues).toEqual([]);
  });

  test('a missing column offers the headers that name nothing; what 読み替え names and the sheet lacks is a warning on 読み替え', () => {
    const mapping = mappingOf([
      ['シート', '', '相談台帳', '相談記録'],
      ['シート', '', '委託台帳', '委託契約'],
      ['見出し', '相談記録', '来所日', '受付日'],
    ]);
    const header = CONSULTATION_HEADER.map((h) => (h === '受付日' ? '来談日' : h));
    const ledger = rawSheet('相談台帳', [[...header, '地区'], consultationRow({}, [...CONSULTATION_HEADER, '地区'])]);
    const reading = readWorkbook(new Map([['相談台帳', ledger]]), settingsReading, TODAY, mapping);
    expect(reading.issues.map((i) => [i.sheet, i.cell, i.code, i.severity])).toEqual([
      ['読み替え', 'C3', 'MAPPING_NOT_FOUND', 'warning'],
      ['読み替え', 'C4', 'MAPPING_NOT_FOUND', 'warning'],
      ['相談台帳', 'A1', 'HEADER_MISSING', 'error'],
    ]);
    expect(reading.issues[0]?.message).toBe('「委託台帳」シートが見つかりません。「この表での書き方」を、表にある書き方にそろえてください。');
    expect(reading.issues[1]?.message).toBe(
      '「相談台帳」の見出し行（1 行目）に「来所日」が見つかりません。「この表での書き方」を、表にある書き方にそろえてください（ある書き方: 「来談日」「地区」）。',
    );
    expect(reading.issues[2]?.offer).toEqual({ kind: 'header', sheet: '相談記録', standard: '受付日', candidates: ['来談日', '地区'] });
    expect(reading.sheets.map((s) => [s.sheet, s.standard])).toEqual([
      ['読み替え', '読み替え'],
      ['相談台帳', '相談記録'],
      ['委託台帳', '委託契約'],
      ['委託実績', '委託実績'],
      ['活動記録', '活動記録'],
      ['苦情記録', '苦情記録'],
      ['事業評価', '事業評価'],
    ]);
  });

  test('a required sheet mapped to a sheet that is not there names both', () => {
    const mapping = mappingOf([['シート', '', '相談台帳', '相談記録']]);
    const reading = readWorkbook(new Map(), settingsReading, TODAY, mapping);
    expect(brief(reading.issues.filter((i) => i.code === 'SHEET_MISSING'))).toEqual([
      [
        'A1',
        'SHEET_MISSING',
        '「相談記録」として読む「相談台帳」シート（「読み替え」シートの指定）がありません。「読み替え」のシート名を、このスプレッドシートにあるシートの名前にそろえてください。',
      ],
    ]);
  });
});

describe('読み替え: the edges of reading it', () => {
  test('a 読み替え whose header lacks 標準 says which header it needs, and maps nothing', () => {
    const { mapping, issues } = readMapping(
      rawSheet('読み替え', [
        ['種類', '対象', 'この表での書き方'],
        ['シート', '', '相談台帳'],
      ]),
      settings,
    );
    expect(brief(issues)).toEqual([
      [
        'A1',
        'HEADER_MISSING',
        '「読み替え」に「標準」（または「標準の書き方」「読み替え先」）の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。',
      ],
    ]);
    expect(mapping.sheets.size).toBe(0);
  });

  test('a sheet of notes with a blank first row is still a sheet without a header, not an empty one', () => {
    expect(brief(readMapping(rawSheet('読み替え', [[null], ['相談台帳は相談記録のこと']]), settings).issues).map(([cell, code]) => [cell, code])).toEqual([
      ['A1', 'HEADER_MISSING'],
    ]);
  });

  test('a 見出し row naming a sheet that is neither standard nor mapped is refused even when another sheet is mapped', () => {
    const { mapping, issues } = mappingOf([
      ['シート', '', '相談台帳', '相談記録'],
      ['見出し', '苦情台帳', '申出日', '受付日'],
    ]);
    expect(brief(issues).map(([cell, code]) => [cell, code])).toEqual([['B3', 'MAPPING_SHEET_UNKNOWN']]);
    expect(mapping.headers.size).toBe(0);
  });

  test('a row with only 対象 written is said, not set apart as a ledger’s continuation row is', () => {
    const { issues } = mappingOf([['', '相談方法', '', '']]);
    // Its first blank part is said (the row maps nothing), as for any row with a blank part.
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['A2', 'REQUIRED']]);
  });

  test('rows with a blank part say which part and map nothing', () => {
    const { mapping, issues } = mappingOf([
      ['シート', '', '', '相談記録'],
      ['シート', '', '相談台帳', ''],
      ['値', '', '来談', '来所'],
      ['値', '相談方法', '', '来所'],
      ['値', '相談方法', '来談', ''],
    ]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['C2', 'REQUIRED', '「この表での書き方」が空です。このスプレッドシートでのシート名を入力してください。'],
      ['D3', 'REQUIRED', '「標準」が空です。標準のシート名（例: 相談記録）を入力してください。'],
      ['B4', 'REQUIRED', '「対象」が空です。選択肢の列の見出し（例: 相談方法）を入力してください。'],
      ['C5', 'REQUIRED', '「この表での書き方」が空です。この表での言葉を入力してください。'],
      ['D6', 'REQUIRED', '「標準」が空です。標準の選択肢（例: 来所）を入力してください。'],
    ]);
    expect(mapping.sheets.size + mapping.words.size).toBe(0);
  });

  test("a center's header mapped to one column names no other, whichever comes first in the sheet's columns", () => {
    // 区分 is a built-in synonym of 新規/継続, which comes after 相談者ID: mapped to 相談者ID, it must stop naming 新規/継続.
    const { mapping } = mappingOf([['見出し', '相談記録', '区分', '相談者ID']]);
    const table = toTable(rawSheet('相談記録', [['受付日', '区分', '新規/継続']]), mappedColumns(mapping, '相談記録', CONSULTATION_COLUMNS));
    expect(table?.columns).toMatchObject({ receivedOn: 0, personId: 1, caseType: 2 });
    expect(table?.duplicates).toEqual([]);
  });

  test('the headers offered for a mapped header that is not there leave out blank header cells', () => {
    const mapping = mappingOf([['見出し', '相談記録', '来所日', '受付日']]);
    const header = [...CONSULTATION_HEADER.filter((h) => h !== '受付日'), '', '地区'];
    const reading = readWorkbook(new Map([['相談記録', rawSheet('相談記録', [header])]]), settingsReading, TODAY, mapping);
    expect(reading.issues.find((i) => i.code === 'MAPPING_NOT_FOUND')?.message).toBe(
      '「相談記録」の見出し行（1 行目）に「来所日」が見つかりません。「この表での書き方」を、表にある書き方にそろえてください（ある書き方: 「地区」）。',
    );
  });
});
