import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_COLUMNS, checkConsultations, readConsultations } from '../../src/domain/sheets/consultations';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { checkSheet } from '../../src/domain/sheets/workbook-check';
import { consultationRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const HEADER = CONSULTATION_COLUMNS.map((c) => c.header);
const settings = defaultSettings('テストセンター');
const TODAY = '2026-11-23';

const row = consultationRow;

function check(rows: CellValue[][], extra = {}): Issue[] {
  const table = toTable(rawSheet('相談記録', [HEADER, ...rows], extra), CONSULTATION_COLUMNS);
  if (!table) throw new Error('no table');
  return checkConsultations(table, settings, TODAY);
}

const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);

describe('checkConsultations', () => {
  test('a valid row has no issue', () => {
    expect(check([row()])).toEqual([]);
  });

  test('every required column blank is reported once each, with the cell and a Japanese message', () => {
    const blank = row({ 受付日: null, 相談者ID: '', '新規/継続': '', 相談方法: '', 相談者: '', 業務区分: '', 相談内容: '', 対応職種: '', 対応内容: '' });
    const issues = check([blank]);
    expect(codes(issues)).toEqual(Array(9).fill('REQUIRED'));
    expect(issues[0]).toMatchObject({ sheet: '相談記録', row: 2, column: '受付日', cell: 'A2', severity: 'error' });
    expect(issues[0]?.message).toMatch(/「受付日」が空です。日付（例: 2026-10-03）を入力してください/);
  });

  test('和暦, 全角 and compact dates are read with a warning and the western date as suggestion', () => {
    const issues = check([row({ 受付日: '令和8年10月3日' }), row({ 受付日: '２０２６／１０／３' }), row({ 受付日: '20261003' })]);
    expect(issues.map((i) => [i.code, i.severity, i.suggestion])).toEqual([
      ['DATE_NOTATION', 'warning', '2026-10-03'],
      ['DATE_NOTATION', 'warning', '2026-10-03'],
      ['DATE_NOTATION', 'warning', '2026-10-03'],
    ]);
  });

  test('the era traps H32.1.1 and R1.4.1 are warnings, the impossible dates errors', () => {
    const issues = check([
      row({ 受付日: 'H32.1.1' }),
      row({ 受付日: 'R1.4.1' }),
      row({ 受付日: 'R8.2.30' }),
      row({ 受付日: '令和0年5月1日' }),
      row({ 受付日: '2026/13/1' }),
      row({ 受付日: 'きのう' }),
    ]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'DATE_ERA_TRAP'],
      [3, 'DATE_ERA_TRAP'],
      [4, 'DATE_INVALID'],
      [5, 'DATE_INVALID'],
      [6, 'DATE_INVALID'],
      [7, 'DATE_INVALID'],
    ]);
    expect(issues[0]?.suggestion).toBe('2020-01-01');
    expect(issues[1]?.suggestion).toBe('2019-04-01');
    expect(issues[2]?.message).toContain('2月30日');
  });

  test('a date after today is an error; today itself is fine', () => {
    expect(codes(check([row({ 受付日: d('2026-11-24') })]))).toEqual(['DATE_FUTURE']);
    expect(check([row({ 受付日: d(TODAY) })])).toEqual([]);
  });

  test('variants map to the canonical choice as a suggestion; unknown values are errors', () => {
    const issues = check([
      row({ 相談方法: 'TEL' }),
      row({ 相談方法: '電話相談' }),
      row({ 相談方法: ' ＴＥＬ ' }),
      row({ 相談者: 'ケアマネ' }),
      row({ 相談方法: '伝書鳩' }),
    ]);
    expect(issues.map((i) => [i.code, i.suggestion])).toEqual([
      ['CHOICE_VARIANT', '電話'],
      ['CHOICE_VARIANT', '電話'],
      ['CHOICE_VARIANT', '電話'],
      ['CHOICE_VARIANT', '介護支援専門員'],
      ['CHOICE_UNKNOWN', undefined],
    ]);
    expect(issues[4]?.message).toContain('「電話」「来所」「訪問」「メール・FAX」「その他」のどれか');
  });

  test('what a ledger writes for a choice: the relation for 家族・親族, the hospital’s MSW, 入院, 生活保護, 継続 for 継続支援', () => {
    const written: [Record<string, string>, string][] = [
      [{ 相談者: '長女' }, '家族・親族'],
      [{ 相談者: '妻' }, '家族・親族'],
      [{ 相談者: '病院MSW' }, '医療機関'],
      [{ 相談者: '地域住民' }, '近隣・知人'],
      [{ 相談内容: '入院' }, '医療・入退院'],
      [{ 相談内容: '医療' }, '医療・入退院'],
      [{ 相談内容: '生活保護' }, '生活困窮・経済'],
      [{ 相談内容: '住宅' }, '住まい'],
      [{ 対応内容: '継続' }, '継続支援'],
      [{ 対応内容: '関係機関へ連絡' }, '関係機関へつなぎ'],
    ];
    const issues = check(written.map(([values]) => row(values)));
    expect(issues.map((i) => [i.code, i.suggestion])).toEqual(written.map(([, choice]) => ['CHOICE_VARIANT', choice]));
    // A city’s own list reads the parts of its own ・ choices too, and nothing of the default variants.
    const table = toTable(rawSheet('相談記録', [HEADER, row({ 相談内容: '買い物' }), row({ 相談内容: '入院' })]), CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const own = checkConsultations(table, { ...settings, consultationTopics: ['買い物・移動支援', '医療'] }, TODAY);
    expect(own.map((i) => [i.row, i.code, i.suggestion])).toEqual([
      [2, 'CHOICE_VARIANT', '買い物・移動支援'],
      [3, 'CHOICE_UNKNOWN', undefined],
    ]);
  });

  test('the marks a ledger kept by hand uses in a checkbox column: ○ ● 有り 該当 for yes, × ー ― 無し 非該当 for no', () => {
    const marks = ['○', '●', '◎', '有り', '該当', '×', 'ー', '―', '無し', '非該当'];
    const table = toTable(rawSheet('相談記録', [HEADER, ...marks.map((m) => row({ 認知症関連: m }))]), CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const read = readConsultations(table, settings, TODAY);
    expect(read.issues).toEqual([]);
    expect(read.consultations.map((c) => c.dementia)).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });

  test('the city’s own 相談内容 list replaces the default', () => {
    const table = toTable(rawSheet('相談記録', [HEADER, row({ 相談内容: '買い物支援' }), row({ 相談内容: '認知症' })]), CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const issues = checkConsultations(table, { ...settings, consultationTopics: ['買い物支援', '虐待'] }, TODAY);
    expect(issues.map((i) => [i.row, i.code])).toEqual([[3, 'CHOICE_UNKNOWN']]);
  });

  test('stray spaces and 全角 letters in 相談者ID are warnings with the tidy value', () => {
    const issues = check([row({ 相談者ID: ' A-0001 ' }), row({ 相談者ID: 'Ａ－０００１' })]);
    expect(issues.map((i) => [i.code, i.suggestion])).toEqual([
      ['TEXT_SPACES', 'A-0001'],
      ['TEXT_WIDTH', 'A-0001'],
    ]);
  });

  test('紹介理由 is required when 紹介事業所 is filled (公正・中立)', () => {
    expect(codes(check([row({ 紹介事業所: 'トマト村' })]))).toEqual(['REFERRAL_REASON_MISSING']);
    expect(check([row({ 紹介事業所: 'トマト村', 紹介理由: '3事業所を示し本人が選択' })])).toEqual([]);
  });

  test('虐待 needs 市への報告日, not before 受付日; later than the allowed days is a warning', () => {
    const abuse = { 業務区分: '権利擁護', 相談内容: '虐待', 受付日: d('2026-10-03') };
    const issues = check([
      row({ ...abuse }),
      row({ ...abuse, 市への報告日: d('2026-10-02') }),
      row({ ...abuse, 市への報告日: d('2026-10-06') }),
      row({ ...abuse, 市への報告日: d('2026-10-04') }),
      row({ ...abuse, 市への報告日: d('2026-10-03') }),
    ]);
    expect(issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'ABUSE_REPORT_MISSING', 'error'],
      [3, 'ABUSE_REPORT_BEFORE_RECEIPT', 'error'],
      [4, 'ABUSE_REPORT_LATE', 'warning'],
    ]);
    expect(issues[2]?.message).toContain('3日後');
  });

  test('the allowed days come from 設定', () => {
    const table = toTable(rawSheet('相談記録', [HEADER, row({ 業務区分: '権利擁護', 相談内容: '虐待', 市への報告日: d('2026-10-06') })]), CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    expect(checkConsultations(table, { ...settings, abuseReportDays: 3 }, TODAY)).toEqual([]);
    expect(codes(checkConsultations(table, { ...settings, abuseReportDays: 2 }, TODAY))).toEqual(['ABUSE_REPORT_LATE']);
  });

  test('blank rows are skipped; unknown columns are kept and ignored', () => {
    const withExtra = [...HEADER, '独自メモ'];
    const table = toTable(
      rawSheet('相談記録', [withExtra, [...row(), 'なんでも'], Array(withExtra.length).fill(null), ['', '  ', '\u3000'], [...row(), '=1+1']]),
      CONSULTATION_COLUMNS,
    );
    if (!table) throw new Error('no table');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(checkConsultations(table, settings, TODAY)).toEqual([]);
  });

  test('#REF!, formulas and merged cells are reported, not crashed on', () => {
    const rows = [row({ 相談方法: '#REF!' }), row({ 受付日: d('2026-10-03') }), row(), row()];
    const formulas = [[], [], ['=TODAY()-30'], [], []];
    const raw = rawSheet('相談記録', [HEADER, ...rows]);
    const withFormulas = {
      ...raw,
      rows: raw.rows.map((r, i) => ({ ...r, formulas: formulas[i] ?? [] })),
      merges: [{ row: 4, column: 4, numRows: 2, numColumns: 1 }],
    };
    const table = toTable(withFormulas, CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const issues = checkConsultations(table, settings, TODAY);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['D2', 'CELL_ERROR'],
      ['A3', 'CELL_FORMULA'],
      ['D5', 'CELL_MERGED'],
    ]);
  });

  test('LibreOffice saves every checkbox as =FALSE() / =TRUE() with its value: read as the value, no formula warning; =IF(…) still warned', () => {
    const dementia = HEADER.indexOf('認知症関連');
    const at = (column: number, formula: string): string[] => Object.assign(Array<string>(HEADER.length).fill(''), { [column]: formula });
    const rows = [row({ 認知症関連: false }), row({ 認知症関連: true }), row({ 認知症関連: true }), row({ 認知症関連: true })];
    const formulas = [[], at(dementia, '=FALSE()'), at(dementia, '=true()'), at(dementia, '= TRUE ( ) '), at(dementia, '=IF(A5<>"",TRUE(),FALSE())')];
    const raw = rawSheet('相談記録', [HEADER, ...rows]);
    const table = toTable({ ...raw, rows: raw.rows.map((r, i) => ({ ...r, formulas: formulas[i] ?? [] })) }, CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const issues = checkConsultations(table, settings, TODAY);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[5, '認知症関連', 'CELL_FORMULA']]);
    expect(readConsultations(table, settings, TODAY).consultations.map((c) => c.dementia)).toEqual([false, true, true, true]);
  });

  test('readConsultations keeps every non-blank row, with unreadable fields left undefined', () => {
    const table = toTable(rawSheet('相談記録', [HEADER, row({ 相談方法: '伝書鳩', 認知症関連: true }), row({ 相談方法: 'TEL' })]), CONSULTATION_COLUMNS);
    if (!table) throw new Error('no table');
    const { consultations } = readConsultations(table, settings, TODAY);
    expect(consultations).toHaveLength(2);
    expect(consultations[0]).toMatchObject({ row: 2, method: undefined, dementia: true, receivedOn: '2026-10-03' });
    expect(consultations[1]).toMatchObject({ row: 3, method: '電話' });
  });
});

describe('header mapping', () => {
  test('synonyms, widths, spaces and brackets are ignored; a title row may sit above', () => {
    const header = ['【相談日】', 'ケース番号', '区分', '対応方法', '相談経路', '業務 区分', '相談内容', '認知症関連', '夜間・休日', '対応職種', '対応内容'];
    const values = [d('2026-10-01'), 'B-1', '継続', '来所', '家族・親族', '総合相談支援', '認知症', true, false, '保健師等', '継続支援'];
    const raw = rawSheet('相談記録', [['令和8年度 相談記録'], [], header, values]);
    const result = checkSheet('相談記録', raw, { settings, today: TODAY });
    expect(result.table?.headerRow).toBe(3);
    expect(result.issues).toEqual([]);
  });

  test('a missing required column is one error on the header, not one per row', () => {
    const header = HEADER.filter((h) => h !== '対応内容');
    const raw = rawSheet('相談記録', [header, row({}, header), row({}, header)]);
    const result = checkSheet('相談記録', raw, { settings, today: TODAY });
    expect(result.issues.map((i) => [i.row, i.code, i.column])).toEqual([[1, 'HEADER_MISSING', '対応内容']]);
  });

  test('a duplicated header is a warning and the first column is used', () => {
    const raw = rawSheet('相談記録', [
      [...HEADER, '相談方法'],
      [...row(), '伝書鳩'],
    ]);
    const result = checkSheet('相談記録', raw, { settings, today: TODAY });
    expect(result.issues.map((i) => [i.cell, i.code])).toEqual([['R1', 'HEADER_DUPLICATE']]);
  });

  test('no header at all, and no sheet at all, are reported clearly', () => {
    expect(
      checkSheet(
        '相談記録',
        rawSheet('相談記録', [
          ['a', 'b'],
          [1, 2],
        ]),
        { settings, today: TODAY },
      ).issues.map((i) => i.code),
    ).toEqual(['HEADER_MISSING']);
    expect(checkSheet('相談記録', rawSheet('相談記録', []), { settings, today: TODAY }).issues.map((i) => i.code)).toEqual(['HEADER_MISSING']);
    const missing = checkSheet('相談記録', undefined, { settings, today: TODAY }).issues;
    expect(missing.map((i) => i.code)).toEqual(['SHEET_MISSING']);
    expect(missing[0]?.message).toContain('シートを準備');
  });
});

describe('相談者ID written in the wrong width', () => {
  test.each([
    ['Ａ－０００１', 'A-0001', '「相談者ID」の「Ａ－０００１」に全角の英数字があります。半角の「A-0001」にしてください。'],
    ['ﾎﾝｼﾞｮｳ1', 'ホンジョウ1', '「相談者ID」の「ﾎﾝｼﾞｮｳ1」に半角カナがあります。全角の「ホンジョウ1」にしてください。'],
    ['ﾎﾝｼﾞｮｳ１', 'ホンジョウ1', '「相談者ID」の「ﾎﾝｼﾞｮｳ１」に全角の英数字と半角カナがあります。英数字は半角、カナは全角の「ホンジョウ1」にしてください。'],
  ])('%s: the message names what the cell has', (id, suggestion, message) => {
    const issues = check([row({ 相談者ID: id })]).filter((i) => i.code === 'TEXT_WIDTH');
    expect(issues.map((i) => [i.cell, i.suggestion, i.message])).toEqual([['B2', suggestion, message]]);
  });
});
