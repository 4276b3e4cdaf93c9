import { checkSheet } from '../../src/domain/sheets/workbook-check';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { type ColumnSpec, headerCore, monthsAcross, totalLabelOf, toTable } from '../../src/domain/sheets/table';
import { consultationRow } from '../helpers/rows';
import type { CellValue } from '../../src/domain/values/cell';
import { d, rawSheet } from '../helpers/tables';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { CONTRACT_COLUMNS } from '../../src/domain/sheets/contracts';
import { DELEGATION_COLUMNS } from '../../src/domain/sheets/delegations';
import { COMPLAINT_COLUMNS } from '../../src/domain/sheets/complaints';

/**
 * What ledgers kept by hand in Excel have besides records: a row that sums the rows above it (合計, 小計…), rows
 * numbered in advance and not yet filled in, headers wrapped onto two lines.
 */
const SPECS: readonly ColumnSpec[] = [
  { key: 'month', header: '対象月' },
  { key: 'count', header: '件数' },
];

describe('totalLabelOf: a row whose first cell that is not blank says 合計', () => {
  test('合計, 計, 小計, 総計, 累計, with spaces between the letters or around, first or after blank cells', () => {
    expect(totalLabelOf(['合計', null, 12])).toEqual({ column: 0, label: '合計' });
    expect(totalLabelOf([null, '', ' 合　計 ', 12])).toEqual({ column: 2, label: '合　計' });
    expect(['計', '小計', '総計', '累計', '月計'].map((l) => totalLabelOf([l, 3])?.label)).toEqual(['計', '小計', '総計', '累計', '月計']);
  });

  test('a record is never one: a word that starts with 計, a 合計 after another value, a number, a date', () => {
    expect(totalLabelOf(['計画の相談', 1])).toBeUndefined();
    expect(totalLabelOf(['合計額', 1])).toBeUndefined();
    expect(totalLabelOf(['2026-10', '合計', 1])).toBeUndefined();
    expect(totalLabelOf([12, '合計'])).toBeUndefined();
    expect(totalLabelOf([d('2026-10-01'), '計'])).toBeUndefined();
    expect(totalLabelOf([null, null])).toBeUndefined();
  });
});

describe('toTable keeps total rows apart from the records', () => {
  test('left out of rows, kept with their row, column and label; a table without one has none', () => {
    const table = toTable(rawSheet('表', [['対象月', '件数'], ['2026-10', 3], ['2026-11', 4], ['合計', 7], [], ['2026-12', 1], ['小 計', 1]]), SPECS);
    expect(table?.rows.map((r) => r.rowNumber)).toEqual([2, 3, 6]);
    expect(table?.totalRows).toEqual([
      { rowNumber: 4, column: 0, label: '合計' },
      { rowNumber: 7, column: 0, label: '小 計' },
    ]);
    expect(
      toTable(
        rawSheet('表', [
          ['対象月', '件数'],
          ['2026-10', 3],
        ]),
        SPECS,
      ),
    ).not.toHaveProperty('totalRows');
  });
});

describe('the check of a sheet with a total row', () => {
  test('one warning on the cell that says 合計, and none of the errors a record with empty columns would have', () => {
    const header = CONSULTATION_COLUMNS.map((c) => c.header);
    const raw = rawSheet('相談記録', [header, consultationRow({}), ['合計', '', '', '', '', '', '', '', '', '', '']]);
    const check = checkSheet('相談記録', raw, { settings: defaultSettings('x'), today: '2026-11-23' });
    expect(check.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([['A3', 'TOTAL_ROW', 'warning']]);
    expect(check.issues[0]?.message).toBe(
      '「合計」の行は1件の記録ではないので、チェックも集計もしません。合計は月報が数えるので、台帳には1件を1行に書き、この行は消すか表の外に移してください。',
    );
  });
});

describe('rows numbered in advance and headers wrapped onto two lines', () => {
  const NUMBERED: readonly ColumnSpec[] = [
    { key: 'date', header: '受付日' },
    { key: 'method', header: '相談方法' },
    { key: 'id', header: 'Case No' },
  ];

  test('a row with something only in columns no rule reads (No. 3, 4…) is no record; a cell in a column read makes one', () => {
    const table = toTable(
      rawSheet('表', [
        ['No.', '受付日', '相談方法', '担当の印'],
        [1, d('2026-10-01'), '電話', '済'],
        [2, null, '来所', null],
        [3, null, null, null],
        [4, '', '', '済'],
      ]),
      NUMBERED,
    );
    expect(table?.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  test('a merged cell over a column read keeps its row, for the check to report it', () => {
    const table = toTable(
      {
        ...rawSheet('表', [
          ['No.', '受付日', '相談方法'],
          [1, d('2026-10-01'), '電話'],
          [2, null, null],
        ]),
        merges: [{ row: 2, column: 2, numRows: 2, numColumns: 1 }],
      },
      NUMBERED,
    );
    expect(table?.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  test('a line break typed in a header is no part of its name: 受付⏎日 is 受付日, Case⏎No is Case No', () => {
    const table = toTable(
      rawSheet('表', [
        ['受付\n日', '相談\r\n方法', 'Case\nNo'],
        [d('2026-10-01'), '電話', 'A-1'],
      ]),
      NUMBERED,
    );
    expect(table?.headers).toEqual(['受付日', '相談方法', 'Case No']);
    expect(table?.columns).toEqual({ date: 0, method: 1, id: 2 });
    const header = CONSULTATION_COLUMNS.map((c) => (c.header === '受付日' ? '受付\n日' : c.header));
    const check = checkSheet('相談記録', rawSheet('相談記録', [header, consultationRow({ 受付日: null })]), {
      settings: defaultSettings('x'),
      today: '2026-11-23',
    });
    expect(check.issues.map((i) => i.message)).toEqual(['「受付日」が空です。日付（例: 2026-10-03）を入力してください。']);
  });
});

describe('headers ledgers use for the columns of 相談記録', () => {
  test('相談年月日, 利用者ID, 受付方法, 相談者区分, 相談種別, 担当職種, 支援内容… name the standard columns', () => {
    const headers = [
      '相談年月日',
      '利用者ID',
      '新規/継続',
      '受付方法',
      '相談者区分',
      '業務区分',
      '相談種別',
      '認知症の有無',
      '休日夜間',
      '担当職種',
      '支援内容',
      '紹介先事業所',
      '対応者',
      '相談者氏名',
      '経過',
    ];
    const table = toTable(rawSheet('相談記録', [headers]), CONSULTATION_COLUMNS);
    expect(table?.columns).toEqual({
      receivedOn: 0,
      personId: 1,
      caseType: 2,
      method: 3,
      requester: 4,
      businessArea: 5,
      topic: 6,
      dementia: 7,
      afterHours: 8,
      profession: 9,
      action: 10,
      referredOffice: 11,
      staff: 12,
      personName: 13,
      memo: 14,
    });
  });

  test('and for 委託契約, 委託実績 and 苦情記録: 事業所コード, 事業所住所, サービス提供月, 申し出者, 対応終了日', () => {
    expect(toTable(rawSheet('委託契約', [['事業所コード', '事業所名', '事業所住所']]), CONTRACT_COLUMNS)?.columns).toMatchObject({
      officeNumber: 0,
      address: 2,
    });
    expect(toTable(rawSheet('委託実績', [['サービス提供月', '事業所コード']]), DELEGATION_COLUMNS)?.columns).toEqual({ month: 0, officeNumber: 1 });
    expect(toTable(rawSheet('苦情記録', [['受付日', '申し出者', '対応終了日']]), COMPLAINT_COLUMNS)?.columns).toEqual({
      receivedOn: 0,
      complainant: 1,
      closedOn: 2,
    });
  });
});

describe('a header kept on two rows: a group over its columns', () => {
  /** 受付 over 日 and 方法, 相談者 over 区分, ID and 氏名; 相談内容 spans both rows (its lower cell blank); 対応 over 職種 and 内容. */
  const TWO_ROWS = [
    ['総合相談受付簿（令和8年度）'],
    ['受付', null, '相談者', null, null, '相談内容', '対応', null, '新規/継続', '業務区分'],
    ['日', '方法', '区分', 'ID', '氏名', null, '職種', '内容', null, null],
  ];

  test('each column is named by its group and its own cell (相談者区分, not 区分 alone, which is 新規/継続), the header is the lower row', () => {
    const table = toTable(rawSheet('相談受付簿', TWO_ROWS), CONSULTATION_COLUMNS);
    expect(table?.headerRow).toBe(3);
    expect(table?.headers).toEqual(['受付日', '受付方法', '相談者区分', '相談者ID', '相談者氏名', '相談内容', '対応職種', '対応内容', '新規/継続', '業務区分']);
    expect(table?.columns).toEqual({
      receivedOn: 0,
      method: 1,
      requester: 2,
      personId: 3,
      personName: 4,
      topic: 5,
      profession: 6,
      action: 7,
      caseType: 8,
      businessArea: 9,
    });
  });

  test('its rows are checked under those names', () => {
    const row = [d('2026-10-03'), '電話', 'ケアマネ', 'A-1', '本庄 花子', '介護保険サービス', '社会福祉士等', '情報提供・助言', '新規', '総合相談支援'];
    const check = checkSheet('相談記録', rawSheet('相談記録', [...TWO_ROWS, row]), { settings: defaultSettings('本庄西'), today: '2026-11-01' });
    expect(check.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['C4', 'CHOICE_VARIANT', '「相談者区分」の「ケアマネ」は「介護支援専門員」のことと読みました。集計がそろうよう「介護支援専門員」に統一してください。'],
    ]);
  });

  test('a blank cell under a group is named by the cell right above it only, not by the group carried from its left', () => {
    // 受付日 spans both rows in A; B is blank in both: no second 受付日.
    const table = toTable(
      rawSheet('相談記録', [
        ['受付日', null, '相談者'],
        [null, null, '区分'],
      ]),
      CONSULTATION_COLUMNS,
    );
    expect([table?.headers, table?.duplicates]).toEqual([['受付日', '', '相談者区分'], []]);
  });

  test('a group is the row right above: with a row between (left out, as an empty row is in a file), the lower row stands alone', () => {
    const table = toTable(
      {
        name: '相談記録',
        rows: [
          { rowNumber: 1, values: ['相談者', '相談者'] },
          { rowNumber: 3, values: ['区分', '相談内容'] },
        ],
      },
      CONSULTATION_COLUMNS,
    );
    // 区分 alone is 新規/継続's synonym; read with the row two above it would have been 相談者区分.
    expect([table?.headerRow, table?.columns]).toEqual([3, { caseType: 0, topic: 1 }]);
  });

  test('a one-row header under a title is read as before: the title is no group', () => {
    const table = toTable(rawSheet('相談記録', [['相談記録（令和8年度）'], CONSULTATION_COLUMNS.map((c) => c.header)]), CONSULTATION_COLUMNS);
    expect([table?.headerRow, table?.headers]).toEqual([2, CONSULTATION_COLUMNS.map((c) => c.header)]);
  });
});

describe('headers with notes for whoever fills the sheet in', () => {
  test.each([
    ['受付日（必須）', '受付日'],
    ['相談者ID ※', '相談者ID'],
    ['相談者ID ※1', '相談者ID'],
    ['受付日 (西暦) ※', '受付日'],
    ['【必須】相談内容', '相談内容'],
    ['★氏名', '氏名'],
    ['①受付日', '受付日'],
    ['1.受付日', '受付日'],
    ['相談者(本人・家族)', '相談者'],
    // A name that is all note is no name without it; what stands inside a name stays.
    ['【受付日】', ''],
    ['夜間・休日', '夜間・休日'],
    ['受付日', '受付日'],
  ])('headerCore(%s) = %s', (text, core) => {
    expect(headerCore(text)).toBe(core);
  });

  test('each names its column, under its own text; a plain header of the same column wins, and the noted one is the center’s own', () => {
    const table = toTable(
      rawSheet('相談記録', [['受付日（必須）', '相談者ID ※1', '【必須】相談方法', '相談内容', '相談内容（詳細）', '★氏名']]),
      CONSULTATION_COLUMNS,
    );
    expect(table?.headers).toEqual(['受付日（必須）', '相談者ID ※1', '【必須】相談方法', '相談内容', '相談内容（詳細）', '★氏名']);
    expect([table?.columns, table?.duplicates]).toEqual([{ receivedOn: 0, personId: 1, method: 2, topic: 3, personName: 5 }, []]);
  });

  test('two noted headers of one column, and no plain one: the first is read, the second is a duplicate as two plain ones are', () => {
    const table = toTable(rawSheet('相談記録', [['受付日', '相談内容（主）', '相談内容（副）']]), CONSULTATION_COLUMNS);
    expect([table?.columns, table?.duplicates]).toEqual([{ receivedOn: 0, topic: 1 }, [{ key: 'topic', column: 2 }]]);
  });

  test('a note does not make a title a header: 相談記録（令和8年度） over the header row', () => {
    const table = toTable(rawSheet('相談記録', [['相談記録（令和8年度）'], ['受付日 ※', '相談者ID ※']]), CONSULTATION_COLUMNS);
    expect([table?.headerRow, table?.columns]).toEqual([2, { receivedOn: 0, personId: 1 }]);
  });
});

describe('a year kept with its months across the columns (事業所名 | 4月 | 5月 | … | 合計)', () => {
  const WIDE = [['令和8年度 委託件数'], ['事業所番号', '事業所名', '４月', '5月', '6月', '7月', '合計'], ['1170500126', 'ケアプランさくら', 3, 4, 4, 5, 16]];

  test('monthsAcross finds the row and its months, typed in either width or with their year; a row of date cells is no header', () => {
    expect(monthsAcross(rawSheet('委託実績', WIDE))).toEqual({ row: 2, months: ['４月', '5月', '6月', '7月'] });
    expect(monthsAcross(rawSheet('x', [['', '2026年4月', 'R8.5', '令和8年6月']]))).toEqual({ row: 1, months: ['2026年4月', 'R8.5', '令和8年6月'] });
    expect(monthsAcross(rawSheet('x', [['4月', '5月', '備考']]))).toBeUndefined();
    expect(monthsAcross(rawSheet('x', [[d('2026-04-01'), d('2026-05-01'), d('2026-06-01')]]))).toBeUndefined();
  });

  test('委託実績 laid out so: the missing header is said at that row, and what the sheet is read as', () => {
    const check = checkSheet('委託実績', rawSheet('委託実績', WIDE), { settings: defaultSettings('本庄西'), today: '2026-11-01' });
    expect(check.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      [
        'A2',
        'HEADER_MISSING',
        '「委託実績」の上から10行に見出し行が見つかりません。2行目は「４月」「5月」「6月」…と月を列に並べた表のようですが、このシートは1行に1か月分を書く表として読みます。' +
          '「対象月」「事業所番号」「介護予防支援件数」「介護予防ケアマネジメント件数」などの見出しを1行に並べ、月ごとの数を行にしてください。',
      ],
    ]);
  });
});

describe('rows that are no record: a note carried on to the next row, a row of unchecked boxes', () => {
  const H = CONSULTATION_COLUMNS.map((c) => c.header);
  const at = (values: Record<string, CellValue>): CellValue[] => H.map((h) => values[h] ?? null);

  test('内容メモ (and 担当者) alone under a record: one warning naming what is written, no 「空です」 for each column, not counted', () => {
    const record = consultationRow();
    const check = checkSheet(
      '相談記録',
      rawSheet('相談記録', [H, record, at({ 内容メモ: '（続き）後日訪問予定' }), at({ 担当者: '田中', 内容メモ: '（続き）家族にも説明' })]),
      { settings: defaultSettings('本庄西'), today: '2026-11-01' },
    );
    expect(check.table?.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(check.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ['Q3', 'CONTINUATION_ROW', 'warning'],
      ['O4', 'CONTINUATION_ROW', 'warning'],
    ]);
    expect(check.issues[1]?.message).toBe(
      'この行は「担当者」「内容メモ」だけが書かれていて、「受付日」「相談者ID」「新規/継続」などが空なので、1件の記録として数えません。' +
        '上の行の続きなら上の行のセルに書き足し（セルの中の改行は Alt+Enter）、新しい記録なら空の列を書いてください。',
    );
  });

  test('a row of unchecked boxes (FALSE) and blanks is an empty row: nothing said, nothing counted', () => {
    const check = checkSheet('相談記録', rawSheet('相談記録', [H, consultationRow(), at({ 認知症関連: false, 夜間休日: false })]), {
      settings: defaultSettings('本庄西'),
      today: '2026-11-01',
    });
    expect([check.table?.rows.length, check.issues]).toEqual([1, []]);
  });

  test('one required column written makes it a record, whose other blanks are each said', () => {
    const check = checkSheet('相談記録', rawSheet('相談記録', [H, at({ 受付日: d('2026-10-03'), 内容メモ: 'メモ' })]), {
      settings: defaultSettings('本庄西'),
      today: '2026-11-01',
    });
    expect(check.issues.every((i) => i.code === 'REQUIRED')).toBe(true);
    expect(check.issues).toHaveLength(8);
  });
});
