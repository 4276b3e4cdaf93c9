import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { readMapping } from '../../src/domain/sheets/mapping';
import { defaultSettings, SETTING_ITEMS } from '../../src/domain/sheets/settings';
import { missingSettingRows, planSettingsSave, settingsForm, settingText } from '../../src/workbook/settings-form';
import {
  describePlan,
  isDone,
  NO_DECORATIONS,
  placeColumns,
  planSheet,
  type RuleFound,
  SETUP_SHEETS,
  type SheetFound,
  wantedRules,
} from '../../src/workbook/setup-plan';
import { rawSheet } from '../helpers/tables';

const settings = defaultSettings('本庄西');
const consultations = SETUP_SHEETS[0]!;

function found(rows: (string | null)[][], extra: Partial<SheetFound> = {}): SheetFound {
  const top = rawSheet('相談記録', rows);
  const lastColumn = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return { top, lastRow: rows.length, lastColumn, maxRows: 1000, frozenRows: 0, ...extra };
}

describe('placeColumns', () => {
  test('a missing sheet gets every column, in the order of SPEC §2.1', () => {
    const frame = placeColumns(consultations, undefined);
    expect(frame).toMatchObject({ kind: 'create', headerRow: 1, width: CONSULTATION_COLUMNS.length });
  });

  test('a header under a title row, with synonyms and its own order, keeps its columns; missing ones go right of the last used column', () => {
    const frame = placeColumns(consultations, found([['相談受付簿'], ['ケース番号', '相談日', '対応方法', '相談経路', 'メモ', null, '独自の列']]));
    if (frame.kind !== 'header') throw new Error(frame.kind);
    expect(frame.headerRow).toBe(2);
    expect(frame.positions.get('personId')).toBe(1);
    expect(frame.positions.get('receivedOn')).toBe(2);
    expect(frame.positions.get('memo')).toBe(5);
    expect(frame.appended.map((c) => c.header).slice(0, 3)).toEqual(['新規/継続', '業務区分', '相談内容']);
    expect(frame.positions.get('caseType')).toBe(8);
    expect(frame.width).toBe(7 + frame.appended.length);
  });

  test('headers with notes (受付日（必須）, 相談者ID ※) are the columns they name: シートを準備 adds no second one', () => {
    const frame = placeColumns(consultations, found([['受付日（必須）', '相談者ID ※', '【必須】新規/継続', '独自の列']]));
    if (frame.kind !== 'header') throw new Error(frame.kind);
    expect([frame.positions.get('receivedOn'), frame.positions.get('personId'), frame.positions.get('caseType')]).toEqual([1, 2, 3]);
    expect(frame.appended.map((c) => c.header)).not.toContain('受付日');
    expect(frame.appended.map((c) => c.header)).not.toContain('相談者ID');
    expect(frame.appended[0]?.header).toBe('相談方法');
  });

  test('a sheet whose top rows name no known columns is left alone', () => {
    expect(placeColumns(consultations, found([['メモ'], ['自由記述']])).kind).toBe('unrecognised');
  });

  test('an empty sheet is given the header in row 1', () => {
    expect(placeColumns(consultations, found([], { lastRow: 0 })).kind).toBe('empty');
  });
});

describe('planSheet', () => {
  test('a new sheet: header, formats, widths, every rule, freeze, protection and highlights', () => {
    const plan = planSheet(consultations, undefined, NO_DECORATIONS, settings);
    expect(plan).toMatchObject({ status: 'create', insert: true, headerRow: 1, freeze: 1, protect: { a1: 'A1:Q1', replace: false } });
    expect(plan.header?.titles).toHaveLength(17);
    expect(plan.rules.map((r) => [r.header, r.rule.kind])).toEqual([
      ['受付日', 'date'],
      ['新規/継続', 'list'],
      ['相談方法', 'list'],
      ['相談者', 'list'],
      ['業務区分', 'list'],
      ['相談内容', 'list'],
      ['認知症関連', 'checkbox'],
      ['夜間休日', 'checkbox'],
      ['対応職種', 'list'],
      ['対応内容', 'list'],
      ['市への報告日', 'date'],
    ]);
    expect(plan.formats).toEqual([
      { column: 1, format: 'date' },
      { column: 2, format: 'text' },
      { column: 14, format: 'date' },
    ]);
    expect(plan.highlights.map((h) => h.formula)).toEqual(['=AND($G2="虐待",$N2="")', '=AND($L2<>"",$M2="")']);
    expect(describePlan(plan)[0]).toBe('シートを作成し、見出し行を入れました。');
  });

  test('the 相談内容 dropdown follows 設定', () => {
    const plan = planSheet(consultations, undefined, NO_DECORATIONS, { ...settings, consultationTopics: ['認知症', 'その他'] });
    expect(plan.rules.find((r) => r.header === '相談内容')?.rule).toEqual({ kind: 'list', values: ['認知症', 'その他'] });
  });

  test('everything in place: nothing to do', () => {
    const sheet = found([CONSULTATION_COLUMNS.map((c) => c.header)], { frozenRows: 1 });
    const frame = placeColumns(consultations, sheet);
    const rules = new Map<number, RuleFound>();
    for (const [column, { rule }] of wantedRules(consultations, frame, settings)) {
      rules.set(column, { kind: rule.kind, values: rule.kind === 'list' ? rule.values : [], allowInvalid: true });
    }
    const first = planSheet(consultations, sheet, NO_DECORATIONS, settings);
    const decorations = {
      firstRowRules: rules,
      lastRowRules: rules,
      gaps: new Set<number>(),
      headerProtection: 'A1:Q1',
      highlightFormulas: first.highlights.map((h) => h.formula),
    };
    const plan = planSheet(consultations, sheet, decorations, settings);
    expect(isDone(plan)).toBe(true);
    expect(describePlan(plan)).toEqual([]);
    // A rule that rejects input, a gap left by a paste, or a header grown wider are each put right.
    const strict = new Map(rules);
    strict.set(4, { kind: 'list', values: ['電話', '来所', '訪問', 'メール・FAX', 'その他'], allowInvalid: false });
    expect(planSheet(consultations, sheet, { ...decorations, lastRowRules: strict }, settings).rules.map((r) => r.column)).toEqual([4]);
    expect(planSheet(consultations, sheet, { ...decorations, gaps: new Set([9]) }, settings).rules.map((r) => r.column)).toEqual([9]);
    expect(planSheet(consultations, sheet, { ...decorations, headerProtection: 'A1:P1' }, settings).protect).toEqual({ a1: 'A1:Q1', replace: true });
    // Highlights as Sheets may give their formulas back (capitals, no spaces, ';' in a decimal-comma locale) are ours.
    expect(first.highlights.length).toBeGreaterThan(0);
    const asGivenBack = first.highlights.map((h) => h.formula.replace(/\s/g, '').toUpperCase().replace(/,/g, ';'));
    expect(asGivenBack).not.toEqual(first.highlights.map((h) => h.formula));
    expect(planSheet(consultations, sheet, { ...decorations, highlightFormulas: asGivenBack }, settings).highlights).toEqual([]);
  });

  test('a person who froze more rows than the header keeps them', () => {
    const plan = planSheet(consultations, found([['title'], CONSULTATION_COLUMNS.map((c) => c.header)], { frozenRows: 3 }), NO_DECORATIONS, settings);
    expect(plan.freeze).toBeUndefined();
    expect(plan.headerRow).toBe(2);
  });

  test('only columns this run creates get a number format', () => {
    const plan = planSheet(consultations, found([['受付日', '相談者ID', '相談方法']]), NO_DECORATIONS, settings);
    expect(plan.formats.every((f) => f.column > 3)).toBe(true);
    expect(plan.header?.at).toBe(4);
  });
});

describe('the prepared sheets', () => {
  const plan = (name: string) => {
    const spec = SETUP_SHEETS.find((s) => s.name === name);
    if (!spec) throw new Error(name);
    return planSheet(spec, undefined, NO_DECORATIONS, settings);
  };

  test('委託契約: 委託区分 a dropdown, dates with a date rule and format, 事業所番号 as text, wide sentences, a highlight', () => {
    const contracts = plan('委託契約');
    expect(contracts.rules.map((r) => [r.column, r.header, r.rule.kind])).toEqual([
      [6, '委託区分', 'list'],
      [7, '契約開始日', 'date'],
      [8, '契約終了日', 'date'],
      [9, '運営協議会承認日', 'date'],
    ]);
    expect(contracts.rules[0]?.rule).toEqual({ kind: 'list', values: ['介護予防支援', '介護予防ケアマネジメント', '両方'] });
    expect(contracts.formats).toEqual([
      { column: 1, format: 'text' },
      { column: 7, format: 'date' },
      { column: 8, format: 'date' },
      { column: 9, format: 'date' },
    ]);
    expect(contracts.widths).toEqual([
      { column: 4, width: 240 },
      { column: 10, width: 320 },
    ]);
    expect(contracts.highlights.map((h) => [h.column, h.formula])).toEqual([[10, '=AND($B2<>"",$J2="")']]);
  });

  test('委託契約 kept with 契約期間 in one cell: no 契約開始日 or 契約終了日 added, and no date rule on the period', () => {
    const spec = SETUP_SHEETS.find((s) => s.name === '委託契約');
    if (!spec) throw new Error('委託契約');
    const top = rawSheet('委託契約', [['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約期間', '選定理由']]);
    const contracts = planSheet(spec, { top, lastRow: 1, lastColumn: 7, maxRows: 1000, frozenRows: 0 }, NO_DECORATIONS, settings);
    expect(contracts.header?.titles).toEqual(['所在', '運営協議会承認日']);
    expect(contracts.rules.map((r) => [r.column, r.header, r.rule.kind])).toEqual([
      [5, '委託区分', 'list'],
      [9, '運営協議会承認日', 'date'],
    ]);
  });

  test('委託実績: 対象月 and 事業所番号 kept as typed text, nothing else', () => {
    const delegations = plan('委託実績');
    expect(delegations.formats).toEqual([
      { column: 1, format: 'text' },
      { column: 2, format: 'text' },
    ]);
    expect([delegations.rules, delegations.widths, delegations.highlights]).toEqual([[], [], []]);
    expect(delegations.header?.titles).toEqual(['対象月', '事業所番号', '介護予防支援件数', '介護予防ケアマネジメント件数', 'うち新規']);
  });

  test('活動記録: 実施日 a date, 種類 a dropdown, 参加職種 text (several in a cell), wide sentences, a 個別会議 without 検討事例数 highlighted', () => {
    const activities = plan('活動記録');
    expect(activities.header?.titles).toEqual(['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当']);
    expect(activities.rules.map((r) => [r.column, r.header, r.rule.kind])).toEqual([
      [1, '実施日', 'date'],
      [2, '種類', 'list'],
    ]);
    expect(activities.rules[1]?.rule).toEqual({
      kind: 'list',
      values: [
        '地域ケア個別会議',
        '地域ケア推進会議',
        '介護支援専門員支援（事例検討会・勉強会・情報交換会）',
        '介護予防教室・講座',
        '認知症サポーター養成講座',
        'ネットワーク連絡会・地域の会議',
        '職員研修',
        'その他',
      ],
    });
    expect(activities.formats).toEqual([
      { column: 1, format: 'date' },
      { column: 5, format: 'text' },
    ]);
    expect(activities.widths).toEqual([
      { column: 3, width: 240 },
      { column: 5, width: 240 },
      { column: 7, width: 320 },
    ]);
    expect(activities.highlights).toEqual([{ column: 6, formula: '=AND($B2="地域ケア個別会議",$F2="")', label: '種類が地域ケア個別会議で検討事例数が空の行' }]);
    expect(describePlan(activities)).toContain('条件付き書式で色を付けます: 種類が地域ケア個別会議で検討事例数が空の行');
  });

  test('活動記録 kept under a title row in its own order: the highlight follows its columns and rows', () => {
    const spec = SETUP_SHEETS.find((s) => s.name === '活動記録');
    if (!spec) throw new Error('活動記録');
    const kept = (header: string[]): SheetFound => {
      const rows = [['活動記録 令和2年度'], header];
      return { ...found(rows), top: rawSheet('活動記録', rows) };
    };
    const own = planSheet(spec, kept(['開催日', '会場', '検討事例数', '種類', '参加者数']), NO_DECORATIONS, settings);
    expect(own.highlights.map((h) => [h.column, h.formula])).toEqual([[3, '=AND($D3="地域ケア個別会議",$C3="")']]);
    expect(own.header).toEqual({ at: 6, titles: ['名称', '参加職種', '把握した課題', '担当'] });
    // Without 検討事例数 the column is added at the right (G, after 名称 and 参加職種), and the highlight is on it.
    const without = planSheet(spec, kept(['開催日', '会場', '種類', '参加者数']), NO_DECORATIONS, settings);
    expect(without.header).toEqual({ at: 5, titles: ['名称', '参加職種', '検討事例数', '把握した課題', '担当'] });
    expect(without.highlights.map((h) => [h.column, h.formula])).toEqual([[7, '=AND($C3="地域ケア個別会議",$G3="")']]);
  });

  test('苦情記録: dates with a date rule, 申出者 and 内容区分 dropdowns, 対応 and 内容メモ wide, no highlight', () => {
    const complaints = plan('苦情記録');
    expect(complaints.header?.titles).toEqual(['受付日', '申出者', '内容区分', '対応', '対応完了日', '市への報告日', '内容メモ']);
    expect(complaints.rules.map((r) => [r.column, r.header, r.rule.kind])).toEqual([
      [1, '受付日', 'date'],
      [2, '申出者', 'list'],
      [3, '内容区分', 'list'],
      [5, '対応完了日', 'date'],
      [6, '市への報告日', 'date'],
    ]);
    expect(complaints.rules[1]?.rule).toEqual({ kind: 'list', values: ['本人', '家族・親族', '事業所', '地域住民', 'その他'] });
    expect(complaints.rules[2]?.rule).toEqual({ kind: 'list', values: ['センターの対応', '職員の態度', '委託先・サービス事業所', 'その他'] });
    expect(complaints.formats).toEqual([
      { column: 1, format: 'date' },
      { column: 5, format: 'date' },
      { column: 6, format: 'date' },
    ]);
    expect(complaints.widths).toEqual([
      { column: 4, width: 320 },
      { column: 7, width: 320 },
    ]);
    expect(complaints.highlights).toEqual([]);
  });

  test('a sheet whose header is not found is described with its first headers and the header zone', () => {
    const spec = SETUP_SHEETS.find((s) => s.name === '委託実績');
    if (!spec) throw new Error('委託実績');
    const unrecognised = planSheet(spec, found([['メモ']]), NO_DECORATIONS, settings);
    expect(describePlan(unrecognised)).toEqual([
      '上から10行に見出し行が見つからないため、このシートは変更しませんでした。見出し（対象月・事業所番号・介護予防支援件数 など）を1行に並べてから、もう一度実行してください。',
    ]);
  });
});

describe('a center that maps its sheet (読み替え)', () => {
  // 相談台帳 is read as 相談記録; 来談日 as 受付日, ケースNo as 相談者ID; the word 来談 as 来所.
  // Read inside each test (a function, not a value): Stryker credits only code run inside a test.
  const mapping = () =>
    readMapping(
      rawSheet('読み替え', [
        ['種類', '対象', 'この表での書き方', '標準'],
        ['シート', '', '相談台帳', '相談記録'],
        ['見出し', '相談記録', '来談日', '受付日'],
        ['見出し', '相談台帳', 'ケースNo', '相談者ID'],
        ['値', '相談方法', '来談', '来所'],
      ]),
      settings,
    ).mapping;
  const own = (rows: (string | null)[][]): SheetFound => ({ ...found(rows), top: rawSheet('相談台帳', rows) });
  const METHOD_LIST = { kind: 'list', values: ['電話', '来所', '訪問', 'メール・FAX', 'その他', '来談'] };

  test("mapped columns count as present; the center's other columns stay; only the truly missing ones go right", () => {
    const sheet = own([
      ['来談日', 'ケースNo', '相談方法', '受付日', '独自メモ'],
      ['2026-10-01', 'C-1', '来談', '', ''],
    ]);
    const frame = placeColumns(consultations, sheet, mapping());
    if (frame.kind !== 'header') throw new Error(frame.kind);
    expect([frame.positions.get('receivedOn'), frame.positions.get('personId'), frame.positions.get('method')]).toEqual([1, 2, 3]);
    // The center's own 受付日 column (not the one 読み替え names) is one of its own columns, never a second 受付日.
    expect(frame.appended.map((c) => c.header)).toEqual([
      '新規/継続',
      '相談者',
      '業務区分',
      '相談内容',
      '認知症関連',
      '夜間休日',
      '対応職種',
      '対応内容',
      '紹介事業所',
      '紹介理由',
      '市への報告日',
      '担当者',
      '氏名',
      '内容メモ',
    ]);
    expect(frame.positions.get('caseType')).toBe(6);
    expect(frame.width).toBe(19);

    const plan = planSheet(consultations, sheet, NO_DECORATIONS, settings, mapping());
    expect(plan).toMatchObject({ sheet: '相談台帳', standard: '相談記録', status: 'update', insert: false, headerRow: 1, unplaced: [] });
    expect(plan.header).toEqual({
      at: 6,
      titles: [
        '新規/継続',
        '相談者',
        '業務区分',
        '相談内容',
        '認知症関連',
        '夜間休日',
        '対応職種',
        '対応内容',
        '紹介事業所',
        '紹介理由',
        '市への報告日',
        '担当者',
        '氏名',
        '内容メモ',
      ],
    });
    expect(plan.rules.slice(0, 2)).toEqual([
      { column: 1, header: '来談日', rule: { kind: 'date' } },
      { column: 3, header: '相談方法', rule: METHOD_LIST },
    ]);
    // Only the columns this run creates get a format: 来談日 and ケースNo keep the center's.
    expect(plan.formats).toEqual([{ column: 16, format: 'date' }]);
    expect(describePlan(plan)[0]).toBe(
      '右端に列を追加しました: 新規/継続、相談者、業務区分、相談内容、認知症関連、夜間休日、対応職種、対応内容、紹介事業所、紹介理由、市への報告日、担当者、氏名、内容メモ',
    );
  });

  test('a mapped header the sheet does not have is not added (under either name), and the dialog says why', () => {
    const sheet = own([['受付日', 'ケースNo', '相談方法']]);
    const plan = planSheet(consultations, sheet, NO_DECORATIONS, settings, mapping());
    expect(plan.header?.at).toBe(4);
    expect(plan.header?.titles).not.toContain('受付日');
    expect(plan.header?.titles).not.toContain('来談日');
    expect(plan.header?.titles).toHaveLength(14);
    expect(plan.rules.some((r) => r.rule.kind === 'date' && r.column === 1)).toBe(false);
    expect(plan.unplaced).toEqual([{ header: '受付日', local: '来談日' }]);
    expect(describePlan(plan)[1]).toBe(
      '「受付日」の列は追加しませんでした。「読み替え」でこの列を「来談日」と読むことになっていますが、見出し行に「来談日」がありません。見出し行の列名か「読み替え」の行を直してください。',
    );
  });

  test("a mapped sheet that is missing is created under the center's name, with the center's headers and words", () => {
    const plan = planSheet(consultations, undefined, NO_DECORATIONS, settings, mapping());
    expect(plan).toMatchObject({ sheet: '相談台帳', standard: '相談記録', status: 'create', insert: true });
    expect(plan.header?.titles.slice(0, 4)).toEqual(['来談日', 'ケースNo', '新規/継続', '相談方法']);
    expect(plan.header?.titles).toHaveLength(17);
    expect(plan.rules.find((r) => r.column === 4)).toEqual({ column: 4, header: '相談方法', rule: METHOD_LIST });
  });

  test('everything in place, the dropdown with the center’s word included: nothing to do', () => {
    const header = ['来談日', 'ケースNo', ...CONSULTATION_COLUMNS.slice(2).map((c) => c.header)];
    const sheet = { ...own([header]), frozenRows: 1 };
    const frame = placeColumns(consultations, sheet, mapping());
    const rules = new Map<number, RuleFound>();
    for (const [column, { rule }] of wantedRules(consultations, frame, settings)) {
      rules.set(column, { kind: rule.kind, values: rule.kind === 'list' ? rule.values : [], allowInvalid: true });
    }
    expect(rules.get(4)?.values).toEqual(METHOD_LIST.values);
    const first = planSheet(consultations, sheet, NO_DECORATIONS, settings, mapping());
    const decorations = {
      firstRowRules: rules,
      lastRowRules: rules,
      gaps: new Set<number>(),
      headerProtection: 'A1:Q1',
      highlightFormulas: first.highlights.map((h) => h.formula),
    };
    expect(isDone(planSheet(consultations, sheet, decorations, settings, mapping()))).toBe(true);
    // The dropdown as it was before the center added its word is set again.
    const standardOnly = new Map(rules).set(4, { kind: 'list', values: ['電話', '来所', '訪問', 'メール・FAX', 'その他'], allowInvalid: true });
    expect(planSheet(consultations, sheet, { ...decorations, lastRowRules: standardOnly }, settings, mapping()).rules.map((r) => r.column)).toEqual([4]);
  });

  test("a header that is not found is described with the center's headers", () => {
    const plan = planSheet(consultations, own([['メモ'], ['自由記述']]), NO_DECORATIONS, settings, mapping());
    expect(plan).toMatchObject({ sheet: '相談台帳', status: 'unrecognised' });
    expect(describePlan(plan)).toEqual([
      '上から10行に見出し行が見つからないため、このシートは変更しませんでした。見出し（来談日・ケースNo・新規/継続 など）を1行に並べてから、もう一度実行してください。',
    ]);
  });
});

describe('設定 rows', () => {
  test('a missing sheet gets every item with its default as text; present items are never rewritten', () => {
    const all = missingSettingRows(undefined, '本庄西');
    expect(all[0]).toEqual(['センター名', '本庄西']);
    expect(all.find((r) => r[0] === '集中の警告しきい値')).toEqual(['集中の警告しきい値', '80%']);
    const some = missingSettingRows(
      rawSheet('設定', [
        ['項目', '値'],
        ['センター名', 'X'],
        ['集中の警告 しきい値', '70%'],
      ]),
      '本庄西',
    );
    expect(some.map((r) => r[0])).not.toContain('センター名');
    expect(some.map((r) => r[0])).not.toContain('集中の警告しきい値');
    expect(some).toHaveLength(SETTING_ITEMS.length - 2);
  });

  test('設定 kept across: the form shows each value and saving writes that value’s cell, never an item’s name', () => {
    const sheet = rawSheet('設定', [
      ['センター名', 'センターコード', '都道府県名'],
      ['本庄西', 'H01', '埼玉県'],
    ]);
    const loaded = Object.fromEntries(settingsForm(sheet, 'x').fields.map((f) => [f.key, f.value]));
    expect([loaded.centerName, loaded.centerCode, loaded.prefecture]).toEqual(['本庄西', 'H01', '埼玉県']);
    const saved = planSettingsSave(sheet, { ...loaded, centerCode: 'H09', prefecture: '東京都' }, loaded);
    expect(saved).toMatchObject({
      kind: 'ok',
      patches: [
        { row: 2, column: 2, before: 'H01', after: 'H09' },
        { row: 2, column: 3, before: '埼玉県', after: '東京都' },
      ],
      changed: ['センターコード', '都道府県名'],
    });
    expect(missingSettingRows(sheet, 'x').map((r) => r[0])).not.toContain('センターコード');
  });

  test('settingText reads back as the same setting', () => {
    expect(settingText('concentrationThreshold', { ...settings, concentrationThreshold: 0.755 })).toBe('75.5%');
    expect(settingText('outsideTowns', { ...settings, outsideTowns: ['上里町', '美里町'] })).toBe('上里町、美里町');
  });

  test('saving: errors per field, a conflict, or the cells to write', () => {
    const sheet = rawSheet('設定', [
      ['項目', '値'],
      ['センター名', 'A'],
      ['虐待報告の期限日数', 1],
    ]);
    const loaded = Object.fromEntries(settingsForm(sheet, 'x').fields.map((f) => [f.key, f.value]));
    expect(loaded.abuseReportDays).toBe('1');
    expect(planSettingsSave(sheet, { ...loaded, abuseReportDays: '-1' }, loaded)).toEqual({
      kind: 'invalid',
      errors: { abuseReportDays: '「-1」は使えません。0〜365の整数（例: 1）を入力してください。' },
    });
    expect(planSettingsSave(sheet, { ...loaded, centerName: 'B' }, { ...loaded, centerName: 'Z' })).toEqual({ kind: 'conflict', labels: ['センター名'] });
    expect(planSettingsSave(sheet, { ...loaded, centerName: 'B', prefecture: '埼玉県', abuseReportDays: '' }, loaded)).toEqual({
      kind: 'ok',
      patches: [
        { row: 2, column: 2, before: 'A', after: 'B' },
        { row: 3, column: 2, before: 1, after: null },
      ],
      append: [['都道府県名', '埼玉県']],
      changed: ['センター名', '都道府県名', '虐待報告の期限日数'],
    });
  });
});
