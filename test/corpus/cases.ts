import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { CONTRACT_COLUMNS } from '../../src/domain/sheets/contracts';
import { DELEGATION_COLUMNS } from '../../src/domain/sheets/delegations';
import type { IssueCode } from '../../src/domain/issues/issue';

/**
 * The bad-input corpus: what people really type (SPEC §5) and what sheets really hold, each with the issue
 * codes it must produce on its row. Built from small tables so that a new input is one line.
 */
export interface CorpusCase {
  readonly name: string;
  readonly sheet: '相談記録' | '委託契約' | '委託実績';
  /** The sheet's rows, header included (a case may add a title row, blank rows, odd headers). */
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges?: readonly { row: number; column: number; numRows: number; numColumns: number }[];
  readonly formulas?: Readonly<Record<string, string>>;
  /** Codes expected, exactly, on the data row under test (row 2 unless said). */
  readonly codes: readonly IssueCode[];
  readonly row?: number;
  /** Sheet-level codes expected anywhere in the sheet instead of on a row. */
  readonly sheetCodes?: readonly IssueCode[];
}

const d = (iso: string): CellValue => ({ kind: 'date', iso });

const CONSULTATION: Record<string, CellValue> = {
  受付日: d('2026-10-03'),
  相談者ID: 'A-0001',
  '新規/継続': '新規',
  相談方法: '電話',
  相談者: '本人',
  業務区分: '総合相談支援',
  相談内容: '介護保険サービス',
  認知症関連: false,
  夜間休日: false,
  対応職種: '社会福祉士等',
  対応内容: '情報提供・助言',
};
const CONTRACT: Record<string, CellValue> = {
  事業所番号: '1171300013',
  事業所名: 'トマト村',
  法人名: '株式会社トマト',
  所在地: '早稲田の杜5-14-8',
  委託区分: '両方',
  契約開始日: d('2020-04-01'),
  運営協議会承認日: d('2020-03-15'),
  選定理由: '利用者の希望',
};
const DELEGATION: Record<string, CellValue> = {
  対象月: '2026-10',
  事業所番号: '1171300013',
  介護予防支援件数: 3,
  介護予防ケアマネジメント件数: 2,
  うち新規: 1,
};

const HEADERS = {
  相談記録: CONSULTATION_COLUMNS.map((c) => c.header),
  委託契約: CONTRACT_COLUMNS.map((c) => c.header),
  委託実績: DELEGATION_COLUMNS.map((c) => c.header),
} as const;
const BASE = { 相談記録: CONSULTATION, 委託契約: CONTRACT, 委託実績: DELEGATION } as const;

function rowOf(sheet: CorpusCase['sheet'], over: Record<string, CellValue>): CellValue[] {
  const merged = { ...BASE[sheet], ...over };
  return HEADERS[sheet].map((h) => merged[h] ?? null);
}

/** One cell changed in an otherwise valid row. */
function cell(sheet: CorpusCase['sheet'], column: string, value: CellValue, codes: readonly IssueCode[], extra: Record<string, CellValue> = {}): CorpusCase {
  return {
    name: `${sheet}.${column} = ${JSON.stringify(value)?.slice(0, 40)}`,
    sheet,
    rows: [HEADERS[sheet], rowOf(sheet, { [column]: value, ...extra })],
    codes,
  };
}

const DATES: [CellValue, IssueCode[]][] = [
  [d('2026-10-03'), []],
  ['2026/10/3', []],
  ['2026-10-03', []],
  ['2026.10.3', []],
  ['2026年10月3日', []],
  [' 2026/10/3 ', []],
  ['20261003', ['DATE_NOTATION']],
  [20261003, ['DATE_NOTATION']],
  ['R8.10.3', ['DATE_NOTATION']],
  ['r8.10.3', ['DATE_NOTATION']],
  ['Ｒ８．１０．３', ['DATE_NOTATION']],
  ['R08.10.03', ['DATE_NOTATION']],
  ['令和8年10月3日', ['DATE_NOTATION']],
  ['令和 8年 10月 3日', ['DATE_NOTATION']],
  ['令和元年5月1日', ['DATE_NOTATION']],
  ['H31.4.30', ['DATE_NOTATION']],
  ['平成31年4月30日', ['DATE_NOTATION']],
  ['２０２６／１０／３', ['DATE_NOTATION']],
  [46298, ['DATE_NOTATION']],
  ['2026/10/3 14:30', []],
  ['H32.1.1', ['DATE_ERA_TRAP']],
  ['R1.4.1', ['DATE_ERA_TRAP']],
  ['H31.5.1', ['DATE_ERA_TRAP']],
  ['R8.2.30', ['DATE_INVALID']],
  ['令和0年5月1日', ['DATE_INVALID']],
  ['2026/13/1', ['DATE_INVALID']],
  ['2026/2/29', ['DATE_INVALID']],
  // Without a year: the latest such day not after the corpus's today (2026-11-23), with a warning.
  ['10/3', ['DATE_NO_YEAR']],
  ['10-3', ['DATE_NO_YEAR']],
  ['10.3', ['DATE_NO_YEAR']],
  ['10月3日', ['DATE_NO_YEAR']],
  ['１０／３', ['DATE_NO_YEAR']],
  ['10/3(土)', ['DATE_NO_YEAR']],
  ['10/3(月)', ['DATE_INVALID']],
  ['11/23', ['DATE_NO_YEAR']],
  ['12/25', ['DATE_NO_YEAR']],
  ['2/29', ['DATE_NO_YEAR']],
  ['2/30', ['DATE_INVALID']],
  ['13/1', ['DATE_INVALID']],
  ['0/5', ['DATE_INVALID']],
  ['きのう', ['DATE_INVALID']],
  ['abc', ['DATE_INVALID']],
  [true, ['DATE_INVALID']],
  [-5, ['DATE_INVALID']],
  [0, ['DATE_INVALID']],
  ['2026-10-03T09:00', []],
  ['2026/10/3(土)', []],
  ['2026/10/3(月)', ['DATE_INVALID']],
  [d('2099-01-01'), ['DATE_FUTURE']],
  ['2099/1/1', ['DATE_FUTURE']],
  ['#REF!', ['CELL_ERROR']],
  ['#N/A', ['CELL_ERROR']],
  ['#VALUE!', ['CELL_ERROR']],
  [null, ['REQUIRED']],
  ['   ', ['REQUIRED']],
  ['\u3000', ['REQUIRED']],
  ['x'.repeat(10000), ['DATE_INVALID']],
];

const CHOICES: [string, CellValue, IssueCode[]][] = [
  ['相談方法', '電話', []],
  ['相談方法', 'TEL', ['CHOICE_VARIANT']],
  ['相談方法', 'tel', ['CHOICE_VARIANT']],
  ['相談方法', 'ＴＥＬ', ['CHOICE_VARIANT']],
  ['相談方法', '電話相談', ['CHOICE_VARIANT']],
  ['相談方法', ' 電話 ', ['CHOICE_VARIANT']],
  ['相談方法', '来庁', ['CHOICE_VARIANT']],
  ['相談方法', 'FAX', ['CHOICE_VARIANT']],
  ['相談方法', 'ﾃﾞﾝﾜ', ['CHOICE_UNKNOWN']],
  ['相談方法', '伝書鳩', ['CHOICE_UNKNOWN']],
  ['相談方法', '📞', ['CHOICE_UNKNOWN']],
  ['相談方法', true, ['CHOICE_UNKNOWN']],
  ['相談方法', 12, ['CHOICE_UNKNOWN']],
  ['相談方法', '', ['REQUIRED']],
  ['相談者', '家族', ['CHOICE_VARIANT']],
  ['相談者', 'ケアマネ', ['CHOICE_VARIANT']],
  ['相談者', '病院', ['CHOICE_VARIANT']],
  ['相談者', '市役所', ['CHOICE_VARIANT']],
  ['相談者', '家族・親族', []],
  ['相談者', '家族･親族', ['CHOICE_VARIANT']],
  ['相談者', '宇宙人', ['CHOICE_UNKNOWN']],
  ['業務区分', '総合相談', ['CHOICE_VARIANT']],
  ['業務区分', '包括的継続的ケアマネジメント', ['CHOICE_VARIANT']],
  ['業務区分', '権利擁護', []],
  ['相談内容', '高齢者虐待', ['CHOICE_VARIANT', 'ABUSE_REPORT_MISSING']],
  ['相談内容', '認知症', []],
  ['相談内容', '成年後見', ['CHOICE_VARIANT']],
  ['相談内容', '占い', ['CHOICE_UNKNOWN']],
  ['対応職種', '保健師', ['CHOICE_VARIANT']],
  ['対応職種', '看護師', ['CHOICE_VARIANT']],
  ['対応職種', '主任ケアマネ', ['CHOICE_VARIANT']],
  ['対応職種', '医師', ['CHOICE_UNKNOWN']],
  ['対応内容', '情報提供', ['CHOICE_VARIANT']],
  ['対応内容', 'つなぎ', ['CHOICE_VARIANT']],
  ['対応内容', '説教', ['CHOICE_UNKNOWN']],
  ['新規/継続', '新', ['CHOICE_VARIANT']],
  ['新規/継続', '再相談', ['CHOICE_VARIANT']],
  ['新規/継続', '新規', []],
  ['新規/継続', 'たぶん', ['CHOICE_UNKNOWN']],
];

const CHECKBOXES: [CellValue, IssueCode[]][] = [
  [true, []],
  [false, []],
  ['TRUE', []],
  ['○', []],
  ['〇', []],
  ['✓', []],
  ['1', []],
  [1, []],
  ['はい', []],
  ['×', []],
  ['●', []],
  ['有り', []],
  ['該当', []],
  ['無し', []],
  ['ー', []],
  ['―', []],
  ['', []],
  ['たぶん', ['CHECKBOX_INVALID']],
  ['#N/A', ['CELL_ERROR']],
];

const TEXTS: [string, CellValue, IssueCode[]][] = [
  ['相談者ID', ' A-0001', ['TEXT_SPACES']],
  ['相談者ID', 'A-0001 ', ['TEXT_SPACES']],
  ['相談者ID', 'Ａ－０００１', ['TEXT_WIDTH']],
  ['相談者ID', 'ｱｲｳ-1', ['TEXT_WIDTH']],
  ['相談者ID', 'A\u0007-1', ['TEXT_CONTROL_CHARS']],
  ['相談者ID', '👵-0001', []],
  ['相談者ID', '𠮷野-1', []],
  ['相談者ID', 'x'.repeat(10000), ['TEXT_TOO_LONG']],
  ['相談者ID', true, []],
  ['相談者ID', 12345, []],
  ['相談者ID', '=A1', []],
  ['相談者ID', '', ['REQUIRED']],
  ['内容メモ', 'x'.repeat(10000), []],
  ['内容メモ', 'y'.repeat(25000), ['TEXT_TOO_LONG']],
  ['内容メモ', '改行\nあり', []],
  ['内容メモ', 'タブ\tあり', []],
  ['内容メモ', 'CR\rだけ', ['TEXT_CONTROL_CHARS']],
  ['氏名', '山田\u3000花子', []],
  ['氏名', '山田  花子', ['TEXT_SPACES']],
  ['氏名', 'ﾔﾏﾀﾞ ﾊﾅｺ', []],
  ['担当者', '🐱', []],
];

const OFFICE_NUMBERS: [CellValue, IssueCode[]][] = [
  ['1171300013', []],
  ['１１７１３０００１３', ['TEXT_WIDTH']],
  ['117130001', ['OFFICE_NUMBER_INVALID']],
  ['11713000131', ['OFFICE_NUMBER_INVALID']],
  ['4871300013', ['OFFICE_NUMBER_INVALID']],
  ['0071300013', ['OFFICE_NUMBER_INVALID']],
  ['11I1300013', ['OFFICE_NUMBER_INVALID']],
  ['1171300014', ['OFFICE_NUMBER_CHECK_DIGIT']],
  ['11-7130-0013', ['OFFICE_NUMBER_INVALID']],
  [1171300013, []],
  ['abc', ['OFFICE_NUMBER_INVALID']],
  ['', ['REQUIRED']],
];

const COUNTS: [CellValue, IssueCode[]][] = [
  [3, []],
  ['3', []],
  ['３', ['COUNT_NOTATION']],
  ['3件', ['COUNT_NOTATION']],
  ['３件', ['COUNT_NOTATION']],
  ['3 件', ['COUNT_NOTATION']],
  [-1, ['COUNT_INVALID']],
  [1.5, ['COUNT_INVALID']],
  ['三', ['COUNT_INVALID']],
  [true, ['COUNT_INVALID']],
  ['#REF!', ['CELL_ERROR']],
];

const MONTHS: [CellValue, IssueCode[]][] = [
  ['2026-10', []],
  ['2026/10', []],
  ['令和8年10月', ['MONTH_NOTATION']],
  ['R8.10', ['MONTH_NOTATION']],
  ['２０２６／１０', ['MONTH_NOTATION']],
  [d('2026-10-01'), []],
  ['2026年10月', []],
  ['2026/13', ['MONTH_INVALID']],
  ['令和0年1月', ['MONTH_INVALID']],
  ['来月', ['MONTH_INVALID']],
  ['', ['REQUIRED']],
];

function sheetCases(): CorpusCase[] {
  const h = HEADERS.相談記録;
  const ok = rowOf('相談記録', {});
  const wide = [...h, ...Array.from({ length: 1000 - h.length }, (_, i) => `独自${i}`)];
  return [
    { name: 'an empty sheet', sheet: '相談記録', rows: [], codes: [], sheetCodes: ['HEADER_MISSING'] },
    { name: 'only a header', sheet: '相談記録', rows: [h], codes: [], sheetCodes: [] },
    { name: 'a title row above the header', sheet: '相談記録', rows: [['令和8年度 相談記録'], [], h, ok], codes: [], row: 4 },
    { name: 'blank rows between data', sheet: '相談記録', rows: [h, [], ['', ' '], ok], codes: [], row: 4 },
    {
      name: 'a duplicated header',
      sheet: '相談記録',
      rows: [
        [...h, '相談方法'],
        [...ok, '伝書鳩'],
      ],
      codes: [],
      sheetCodes: ['HEADER_DUPLICATE'],
    },
    {
      name: 'a missing required column',
      sheet: '相談記録',
      rows: [h.filter((x) => x !== '対応内容'), ok.filter((_, i) => h[i] !== '対応内容')],
      codes: [],
      sheetCodes: ['HEADER_MISSING'],
    },
    {
      name: 'a header in English',
      sheet: '相談記録',
      rows: [
        ['Date', 'Client ID', 'Method'],
        [d('2026-10-03'), 'A', 'phone'],
      ],
      codes: [],
      sheetCodes: ['HEADER_MISSING'],
    },
    {
      name: 'merged cells in a data row',
      sheet: '相談記録',
      rows: [h, ok, ok],
      merges: [{ row: 2, column: 4, numRows: 2, numColumns: 1 }],
      codes: ['CELL_MERGED'],
      row: 3,
    },
    { name: 'a formula in 受付日', sheet: '相談記録', rows: [h, ok], formulas: { A2: '=TODAY()-50' }, codes: ['CELL_FORMULA'] },
    { name: '1,000 columns', sheet: '相談記録', rows: [wide, [...ok, ...Array(1000 - ok.length).fill('x')]], codes: [] },
    {
      name: 'booleans in every text column',
      sheet: '相談記録',
      rows: [h, rowOf('相談記録', { 相談者ID: true, 担当者: false, 氏名: true, 内容メモ: true })],
      codes: [],
    },
    { name: '紹介事業所 without 紹介理由', sheet: '相談記録', rows: [h, rowOf('相談記録', { 紹介事業所: 'トマト村' })], codes: ['REFERRAL_REASON_MISSING'] },
    {
      name: '虐待 reported late',
      sheet: '相談記録',
      rows: [h, rowOf('相談記録', { 業務区分: '権利擁護', 相談内容: '虐待', 市への報告日: d('2026-10-09') })],
      codes: ['ABUSE_REPORT_LATE'],
    },
    {
      name: '虐待 reported before 受付日',
      sheet: '相談記録',
      rows: [h, rowOf('相談記録', { 相談内容: '虐待', 市への報告日: d('2026-10-01') })],
      codes: ['ABUSE_REPORT_BEFORE_RECEIPT'],
    },
    {
      name: '契約終了日 before 契約開始日',
      sheet: '委託契約',
      rows: [HEADERS.委託契約, rowOf('委託契約', { 契約終了日: d('2019-01-01') })],
      codes: ['CONTRACT_END_BEFORE_START'],
    },
    { name: 'missing 選定理由', sheet: '委託契約', rows: [HEADERS.委託契約, rowOf('委託契約', { 選定理由: '' })], codes: ['SELECTION_REASON_MISSING'] },
    {
      name: '承認 after the start',
      sheet: '委託契約',
      rows: [HEADERS.委託契約, rowOf('委託契約', { 運営協議会承認日: d('2020-05-01') })],
      codes: ['APPROVAL_AFTER_START'],
    },
    { name: 'うち新規 over the sum', sheet: '委託実績', rows: [HEADERS.委託実績, rowOf('委託実績', { うち新規: 9 })], codes: ['DELEGATION_NEW_EXCEEDS'] },
    {
      name: 'a second row for the same month and office',
      sheet: '委託実績',
      rows: [HEADERS.委託実績, rowOf('委託実績', {}), rowOf('委託実績', {})],
      codes: ['DELEGATION_DUPLICATE'],
      row: 3,
    },
    {
      name: '直営 written センター直営',
      sheet: '委託実績',
      rows: [HEADERS.委託実績, rowOf('委託実績', { 事業所番号: 'センター直営' })],
      codes: ['CHOICE_VARIANT'],
    },
  ];
}

export function corpus(): CorpusCase[] {
  return [
    ...DATES.map(([v, codes]) => cell('相談記録', '受付日', v, codes)),
    ...DATES.filter(([v]) => v !== null && v !== '   ' && v !== '\u3000').map(([v, codes]) =>
      // An approval long before, so that only the date itself is under test.
      cell(
        '委託契約',
        '契約開始日',
        v,
        codes.filter((c) => c !== 'DATE_FUTURE'),
        { 運営協議会承認日: d('2000-01-01') },
      ),
    ),
    ...CHOICES.map(([column, v, codes]) => cell('相談記録', column, v, codes)),
    ...CHECKBOXES.flatMap(([v, codes]) => [cell('相談記録', '認知症関連', v, codes), cell('相談記録', '夜間休日', v, codes)]),
    ...TEXTS.map(([column, v, codes]) => cell('相談記録', column, v, codes)),
    ...OFFICE_NUMBERS.map(([v, codes]) => cell('委託契約', '事業所番号', v, codes)),
    ...COUNTS.flatMap(([v, codes]) => [
      cell('委託実績', '介護予防支援件数', v, codes, { うち新規: 0 }),
      cell('委託実績', '介護予防ケアマネジメント件数', v, codes, { うち新規: 0 }),
    ]),
    ...MONTHS.map(([v, codes]) => cell('委託実績', '対象月', v, codes)),
    ...sheetCases(),
  ];
}
