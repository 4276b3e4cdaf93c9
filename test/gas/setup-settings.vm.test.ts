import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';

const BUILD = join(__dirname, '..', '..', 'build');

interface Field {
  key: string;
  value: string;
  placeholder: string;
  error?: string;
}
interface Form {
  sheetExists: boolean;
  fields: Field[];
}
interface Saved {
  ok: boolean;
  message: string;
  errors?: Record<string, string>;
  form?: Form;
}

function world(rows?: unknown[][]) {
  const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
  if (rows) sheetFromRows(env.spreadsheet, '設定', rows);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env) };
}

function sidebarForm(env: GasEnvironment): Form {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as Form;
}

const valuesOf = (form: Form): Record<string, string> => Object.fromEntries(form.fields.map((f) => [f.key, f.value]));

describe('設定 sidebar', () => {
  test('opens with the sheet’s values, defaults as placeholders and a Japanese error for a value that cannot be used', () => {
    const { env, context } = world([
      ['項目', '値'],
      ['センター名', '本庄西地域包括支援センター'],
      ['集中の警告しきい値', '120%'],
    ]);
    runFunction(context, 'menuSettings');
    expect(env.ui.lastSidebar()?.getTitle()).toBe('設定');
    const form = sidebarForm(env);
    const byKey = new Map(form.fields.map((f) => [f.key, f]));
    expect(byKey.get('centerName')).toMatchObject({ value: '本庄西地域包括支援センター', placeholder: '本庄西包括' });
    expect(byKey.get('abuseReportDays')).toMatchObject({ value: '', placeholder: '1' });
    expect(byKey.get('concentrationThreshold')?.error).toBe('「120%」は使えません。1%〜100%の割合（例: 80%）を入力してください。');
  });

  test('a bad value is refused per field and nothing is written; a good one is written as text and logged', () => {
    const { env, context } = world([
      ['項目', '値'],
      ['センター名', '本庄西地域包括支援センター'],
    ]);
    const loaded = valuesOf(runFunction(context, 'settingsSidebarLoad') as Form);
    const sheet = env.spreadsheet.peekSheet('設定');
    const before = sheet.peekValues();

    const bad = runFunction(context, 'settingsSidebarSave', { ...loaded, abuseReportDays: '三日', concentrationThreshold: '0' }, loaded) as Saved;
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual({
      abuseReportDays: '「三日」は使えません。0〜365の整数（例: 1）を入力してください。',
      concentrationThreshold: '「0」は使えません。1%〜100%の割合（例: 80%）を入力してください。',
    });
    expect(sheet.peekValues()).toEqual(before);

    const good = runFunction(
      context,
      'settingsSidebarSave',
      { ...loaded, centerName: '=本庄西', abuseReportDays: '2', municipality: '本庄市' },
      loaded,
    ) as Saved;
    expect(good.ok).toBe(true);
    expect(good.message).toContain('保存しました');
    const rows = sheet.peekValues();
    expect(rows[1]).toEqual(['センター名', '=本庄西']);
    expect(
      sheet
        .peekFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(rows.slice(2)).toEqual([
      ['市区町村名', '本庄市'],
      ['虐待報告の期限日数', '2'],
    ]);
    const log = env.spreadsheet.peekSheet('_変更履歴').peekValues().slice(1);
    expect(log.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['設定', 'B2', '本庄西地域包括支援センター', '=本庄西', '設定を保存'],
      ['設定', 'B3', '', '本庄市', '設定を保存'],
      ['設定', 'B4', '', '2', '設定を保存'],
    ]);
  });

  test('設定 kept across: the form shows each value, and saving writes that value’s cell and appends an item it lacks', () => {
    const { env, context } = world([
      ['センター名', 'センターコード', '都道府県名'],
      ['本庄西地域包括支援センター', 'H01', '埼玉県'],
    ]);
    const loaded = valuesOf(runFunction(context, 'settingsSidebarLoad') as Form);
    expect([loaded.centerName, loaded.centerCode, loaded.prefecture]).toEqual(['本庄西地域包括支援センター', 'H01', '埼玉県']);
    const saved = runFunction(context, 'settingsSidebarSave', { ...loaded, prefecture: '群馬県', municipality: '本庄市' }, loaded) as Saved;
    expect(saved.ok).toBe(true);
    expect(env.spreadsheet.peekSheet('設定').peekValues()).toEqual([
      ['センター名', 'センターコード', '都道府県名'],
      ['本庄西地域包括支援センター', 'H01', '群馬県'],
      ['市区町村名', '本庄市', ''],
    ]);
    expect(valuesOf(saved.form as Form)).toMatchObject({ prefecture: '群馬県', municipality: '本庄市', centerCode: 'H01' });
  });

  test('a row changed in the sheet since the sidebar opened stops the save and the form is read again', () => {
    const { env, context } = world([
      ['項目', '値'],
      ['センター名', 'A'],
    ]);
    const loaded = valuesOf(runFunction(context, 'settingsSidebarLoad') as Form);
    env.spreadsheet.peekSheet('設定').getRange('B2').setValue('B');
    const saved = runFunction(context, 'settingsSidebarSave', { ...loaded, centerName: 'C' }, loaded) as Saved;
    expect(saved.ok).toBe(false);
    expect(saved.message).toContain('センター名');
    expect(saved.form?.fields.find((f) => f.key === 'centerName')?.value).toBe('B');
    expect(env.spreadsheet.peekSheet('設定').peekCell('B2').value).toBe('B');
  });

  test('without a 設定 sheet, saving creates it with its header', () => {
    const { env, context } = world();
    const form = runFunction(context, 'settingsSidebarLoad') as Form;
    expect(form.sheetExists).toBe(false);
    runFunction(context, 'settingsSidebarSave', { ...valuesOf(form), prefecture: '埼玉県' }, valuesOf(form));
    expect(env.spreadsheet.peekSheet('設定').peekValues()).toEqual([
      ['項目', '値'],
      ['都道府県名', '埼玉県'],
    ]);
  });
});
