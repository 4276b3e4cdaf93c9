import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { runCli } from '../helpers/demo';
import { run } from './xlsx-files';
import { asJapaneseExcel } from './xlsx-read-files';

const dir = mkdtempSync(join(tmpdir(), 'houkatsu-cli-'));
const HEADER = CONSULTATION_COLUMNS.map((c) => c.header);

async function writeCenter(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('相談記録');
  ws.addRow(['相談記録 令和8年度']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const settings = wb.addWorksheet('設定');
  settings.addRow(['項目', '値']);
  settings.addRow(['センター名', '本庄西']);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const good = [
  new Date(Date.UTC(2026, 9, 3)),
  'A-1',
  '新規',
  '電話',
  '本人',
  '総合相談支援',
  '介護保険サービス',
  false,
  false,
  '社会福祉士等',
  '情報提供・助言',
];

describe('houkatsu check', () => {
  // This test and the one on bad usage run the built runner (dist/cli.js) as a process: its exit codes and streams.
  test('a clean workbook: exit 0 and a Japanese summary', async () => {
    const file = await writeCenter('clean.xlsx', [good, good]);
    const r = await runCli('check', file, '--today', '2026-11-23');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('エラー 0 件、注意 0 件');
    expect(r.stdout).toContain('問題は見つかりませんでした。');
  });

  test('errors: exit 1, and --json gives the document of SPEC §6 with row, header text and A1 cell', async () => {
    const bad = [...good];
    bad[3] = 'TEL';
    const worse = [...good];
    worse[0] = 'R8.2.30';
    const file = await writeCenter('bad.xlsx', [good, bad, worse]);
    const r = await run('check', file, '--json', '--today', '2026-11-23');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { file: string; issues: Record<string, unknown>[]; summary: { errors: number; warnings: number } };
    expect(doc.file).toBe(file);
    expect(doc.summary).toEqual({ errors: 1, warnings: 1 });
    expect(doc.issues).toEqual([
      expect.objectContaining({ sheet: '相談記録', row: 4, column: '相談方法', cell: 'D4', code: 'CHOICE_VARIANT', severity: 'warning', suggestion: '電話' }),
      expect.objectContaining({ sheet: '相談記録', row: 5, column: '受付日', cell: 'A5', code: 'DATE_INVALID', severity: 'error' }),
    ]);
    for (const issue of doc.issues) expect(String(issue.message)).toMatch(/[ぁ-ん]/);
  });

  test('a formula, an error value and a merged cell in the file are reported, not crashed on', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('相談記録');
    ws.addRow(HEADER);
    ws.addRow(good);
    ws.addRow(good);
    ws.addRow(good);
    ws.getCell('A2').value = { formula: 'TODAY()-30', result: new Date(Date.UTC(2026, 9, 24)) };
    ws.getCell('D3').value = { error: '#REF!' };
    ws.mergeCells('E3:E4');
    const file = join(dir, 'odd.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--json', '--today', '2026-11-23');
    const doc = JSON.parse(r.stdout) as { issues: { cell: string; code: string }[] };
    expect(doc.issues.map((i) => [i.cell, i.code])).toEqual([
      ['A2', 'CELL_FORMULA'],
      ['D3', 'CELL_ERROR'],
      ['E4', 'CELL_MERGED'],
    ]);
    expect(r.status).toBe(1);
  });

  test('-o writes a copy with the bad cells marked, the input untouched', async () => {
    const bad = [...good];
    bad[3] = '伝書鳩';
    const file = await writeCenter('mark.xlsx', [good, bad]);
    const out = join(dir, 'marked.xlsx');
    expect((await run('check', file, '-o', out, '--today', '2026-11-23')).status).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet('相談記録')?.getCell('D4');
    expect(cell?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9D6D5' } });
    expect(String(cell?.note)).toContain('伝書鳩');
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    expect(original.getWorksheet('相談記録')?.getCell('D4').note).toBeUndefined();
  });

  test('-o into a folder that is not there: exit 2 with what to fix, and no file left anywhere', async () => {
    const file = await writeCenter('nowhere.xlsx', [good]);
    const out = join(dir, 'no-such-folder', 'marked.xlsx');
    const r = await run('check', file, '-o', out, '--today', '2026-11-23');
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining(`「${out}」に書き出せませんでした（フォルダがありません）`)]);
    expect(r.stderr).not.toContain('予期しない');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  test('a ledger as a Japanese Excel saves it, 受付日 shown as 令和8年10月3日 (built-in format 58): dates, with and without -o, and kept so', async () => {
    const file = await writeCenter('wareki-format.xlsx', [good, good]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const row of [3, 4]) (wb.getWorksheet('相談記録') as ExcelJS.Worksheet).getCell(`A${row}`).numFmt = '[$-411]ggge"年"m"月"d"日"';
    await wb.xlsx.writeFile(file);
    asJapaneseExcel(file, '[$-411]ggge"年"m"月"d"日"', 58);
    const plain = await run('check', file, '--json', '--today', '2026-11-23');
    const out = join(dir, 'wareki-marked.xlsx');
    const marked = await run('check', file, '-o', out, '--json', '--today', '2026-11-23');
    // Read as the dates they are: no 「46298」はシリアル値の日付です on every row.
    expect(JSON.parse(plain.stdout)).toMatchObject({ summary: { errors: 0, warnings: 0 }, issues: [] });
    expect(JSON.parse(marked.stdout)).toEqual(JSON.parse(plain.stdout));
    // The copy -o writes shows them as the center's Excel did.
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const cell = copy.getWorksheet('相談記録')?.getCell('A3');
    expect([cell?.value, cell?.numFmt]).toEqual([new Date(Date.UTC(2026, 9, 3)), '[$-411]ggge"年"m"月"d"日"']);
  });

  test('one part of a choice that joins two with ・ (医療 for 医療・入退院, FAX for メール・FAX): read as it, with the candidate, and counted there', async () => {
    const shorthand = [...good];
    shorthand[3] = 'FAX';
    shorthand[6] = '医療';
    shorthand[10] = '関係機関へつなぐ';
    const file = await writeCenter('shorthand.xlsx', [good, shorthand]);
    const checked = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as {
      issues: { cell: string; code: string; suggestion?: string; message: string }[];
    };
    expect(checked.issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['D4', 'CHOICE_VARIANT', 'メール・FAX'],
      ['G4', 'CHOICE_VARIANT', '医療・入退院'],
      ['K4', 'CHOICE_VARIANT', '関係機関へつなぎ'],
    ]);
    expect(checked.issues[1]?.message).toBe('「相談内容」の「医療」は「医療・入退院」のことと読みました。集計がそろうよう「医療・入退院」に統一してください。');
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'shorthand-提出.xlsx'), '--json', '--today', '2026-11-23');
    const payload = JSON.parse(report.stdout) as { consultations: { byTopic: { rows: string[]; cells: number[][] } } };
    const row = payload.consultations.byTopic.rows.indexOf('総合相談支援 › 医療・入退院');
    expect(payload.consultations.byTopic.cells[row]?.reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('a 合計 row under the records: one warning, no error, and the 月報 counts the records alone', async () => {
    const file = await writeCenter('totals.xlsx', [good, good, ['合計', null, null, null, null, null, null, 0, 0, null, null]]);
    const checked = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as { issues: { cell: string; code: string }[] };
    expect(checked.issues.map((i) => [i.cell, i.code])).toEqual([['A5', 'TOTAL_ROW']]);
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'totals-提出.xlsx'), '--json', '--today', '2026-11-23');
    expect((JSON.parse(report.stdout) as { consultations: { total: number } }).consultations.total).toBe(2);
  });

  test('headers with notes for whoever fills the sheet in (受付日（必須）, 相談者ID ※1, 【必須】相談方法): read as their columns and counted', async () => {
    const noted = HEADER.map((h, i) => [`${h}（必須）`, `${h} ※1`, `【必須】${h}`, `★${h}`][i % 4] as string);
    // Beside the plain 相談内容 (G), 相談内容（詳細） is a column of the center's own: no second 相談内容.
    noted[6] = '相談内容';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('相談記録');
    ws.addRow([...noted, '相談内容（詳細）']);
    const tel = [...good];
    tel[3] = 'TEL';
    for (const r of [good, tel]) ws.addRow([...r, null, null, null, null, null, null, '自由記述']);
    const file = join(dir, 'noted-headers.xlsx');
    await wb.xlsx.writeFile(file);
    const checked = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as {
      issues: { cell: string; code: string; column: string; message: string }[];
    };
    // The message names the column as the sheet does.
    expect(checked.issues.map((i) => [i.cell, i.code, i.column])).toEqual([['D3', 'CHOICE_VARIANT', '★相談方法']]);
    expect(checked.issues[0]?.message).toContain('「★相談方法」の「TEL」は「電話」のことと読みました');
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'noted-提出.xlsx'), '--json', '--today', '2026-11-23');
    expect((JSON.parse(report.stdout) as { consultations: { total: number } }).consultations.total).toBe(2);
  });

  test('a 相談記録 whose name has a space typed after it: the error says to rename it, and the 月報 is refused until then', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('相談記録 ');
    for (const r of [HEADER, good]) ws.addRow(r);
    const file = join(dir, 'spaced-name.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--today', '2026-11-23');
    expect([r.status, r.stdout]).toEqual([1, expect.stringContaining('「相談記録 」シートの名前は、空白か全角・半角だけが「相談記録」と違います')]);
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'spaced-提出.xlsx'), '--today', '2026-11-23');
    expect([report.status, existsSync(join(dir, 'spaced-提出.xlsx'))]).toEqual([1, false]);
  });

  test('委託契約 kept with 契約期間 in one cell (R3.4.1～R4.3.31): checked without a missing column, and the 月報 counts the contracts of the month', async () => {
    const wb = new ExcelJS.Workbook();
    const consultations = wb.addWorksheet('相談記録');
    for (const r of [HEADER, good]) consultations.addRow(r);
    const contracts = wb.addWorksheet('委託契約');
    contracts.addRow(['No', '事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約期間', '選定理由']);
    contracts.addRow([1, '1170500126', 'ケアプランさくら', '社会福祉法人さくら会', '埼玉県本庄市中央1-1-1', '両方', 'R3.4.1～', '利用者の希望']);
    // Ended before the month of the 月報: not counted.
    contracts.addRow([2, '1171300013', 'ケアセンターあおぞら', '株式会社あおぞら', '埼玉県本庄市銀座2-2', '両方', 'R3.4.1～R8.3.31', '本人が選んだ']);
    const file = join(dir, 'period.xlsx');
    await wb.xlsx.writeFile(file);
    const checked = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as { issues: unknown[] };
    expect(checked.issues).toEqual([]);
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'period-提出.xlsx'), '--json', '--today', '2026-11-23');
    const payload = JSON.parse(report.stdout) as { contracts: { officeNumber: string }[] };
    expect(payload.contracts.map((o) => o.officeNumber)).toEqual(['1170500126']);
  });

  test('委託実績 kept with the months across its columns: the error at that row says the sheet is read a month a row', async () => {
    const wb = new ExcelJS.Workbook();
    const consultations = wb.addWorksheet('相談記録');
    for (const r of [HEADER, good]) consultations.addRow(r);
    const delegations = wb.addWorksheet('委託実績');
    delegations.addRow(['事業所番号', '事業所名', '4月', '5月', '6月', '合計']);
    delegations.addRow(['1170500126', 'ケアプランさくら', 3, 4, 4, 11]);
    const file = join(dir, 'months-across.xlsx');
    await wb.xlsx.writeFile(file);
    const checked = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as {
      issues: { sheet: string; cell: string; message: string }[];
    };
    expect(checked.issues.map((i) => [i.sheet, i.cell])).toEqual([['委託実績', 'A1']]);
    expect(checked.issues[0]?.message).toContain('1行目は「4月」「5月」「6月」…と月を列に並べた表のようですが');
  });

  test('設定 kept across (センター名 | センターコード | … over their values): the 月報 names the center, not 「センターコード」', async () => {
    const wb = new ExcelJS.Workbook();
    const consultations = wb.addWorksheet('相談記録');
    for (const r of [HEADER, good]) consultations.addRow(r);
    const settings = wb.addWorksheet('設定');
    settings.addRow(['センター名', 'センターコード', '都道府県名', '市区町村名']);
    settings.addRow(['本庄西', 'H01', '埼玉県', '本庄市']);
    const file = join(dir, 'settings-across.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await run('report', '--month', '2026-10', file, '-o', join(dir, 'settings-across-提出.xlsx'), '--json', '--today', '2026-11-23');
    expect((JSON.parse(report.stdout) as { center: unknown }).center).toEqual({ name: '本庄西', code: 'H01', municipality: '本庄市' });
  });

  test('ledgers under the center’s own sheet names: the check names them and the 読み替え rows; with those rows the 月報 counts them', async () => {
    const contractHeader = ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約開始日', '選定理由'];
    const contract = [
      '1170500126',
      'ケアプランさくら',
      '社会福祉法人さくら会',
      '埼玉県本庄市中央1-1-1',
      '両方',
      new Date(Date.UTC(2026, 3, 1)),
      '利用者の希望',
    ];
    const sheets = (mapping: unknown[][]): [string, unknown[][]][] => [
      [
        '設定',
        [
          ['項目', '値'],
          ['センター名', '本庄西'],
        ],
      ],
      ['総合相談受付簿', [['相談記録 令和8年度'], HEADER, good]],
      ['委託状況', [contractHeader, contract]],
      ...(mapping.length > 0 ? ([['読み替え', [['種類', '対象', 'この表での書き方', '標準'], ...mapping]]] as [string, unknown[][]][]) : []),
    ];
    const write = async (name: string, mapping: unknown[][]): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      for (const [sheet, rows] of sheets(mapping)) for (const r of rows) (wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet)).addRow(r);
      const path = join(dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    type Checked = { issues: { sheet: string; cell: string; code: string; message: string }[] };
    const before = JSON.parse((await run('check', await write('own-names.xlsx', []), '--json', '--today', '2026-11-23')).stdout) as Checked;
    expect(before.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
      ['相談記録', 'A1', 'SHEET_MISSING'],
      ['委託状況', 'A1', 'SHEET_UNREAD'],
    ]);
    expect(before.issues[0]?.message).toContain('「読み替え」シートに種類「シート」・この表での書き方「総合相談受付簿」・標準「相談記録」の行を加えると');
    expect(before.issues[1]?.message).toContain('「読み替え」シートに種類「シート」・この表での書き方「委託状況」・標準「委託契約」の行を加えると');
    // The text a person reads says the same.
    const text = (await run('check', await write('own-names.xlsx', []), '--today', '2026-11-23')).stdout;
    expect(text).toContain('■ 委託状況');
    expect(text).toContain('「委託状況」シートは読んでいませんが');

    // The rows the two messages name, typed into 読み替え as they say.
    const mapped = await write('own-names-mapped.xlsx', [
      ['シート', '', '総合相談受付簿', '相談記録'],
      ['シート', '', '委託状況', '委託契約'],
    ]);
    const after = JSON.parse((await run('check', mapped, '--json', '--today', '2026-11-23')).stdout) as Checked;
    expect(after.issues).toEqual([]);
    const report = await run('report', '--month', '2026-10', mapped, '-o', join(dir, 'own-names-提出.xlsx'), '--json', '--today', '2026-11-23');
    const payload = JSON.parse(report.stdout) as { consultations: { total: number }; contracts: { officeNumber: string }[] };
    expect([payload.consultations.total, payload.contracts.map((o) => o.officeNumber)]).toEqual([1, ['1170500126']]);
  });

  test('the text says each problem once with its other cells, however many rows have it; --json still has every cell', async () => {
    const tel = [...good];
    tel[3] = 'TEL';
    const file = await writeCenter('tel.xlsx', [good, ...Array.from({ length: 15 }, () => tel)]);
    const text = (await run('check', file, '--today', '2026-11-23')).stdout.split('\n');
    const at = text.findIndex((l) => l.includes('「相談方法」の「TEL」は「電話」のことと読みました'));
    expect(text[at]).toMatch(/^ {2}D4 {5}注意\u3000 /);
    expect(text[at + 1]).toBe('         同じ問題がほかに 14 件: D5、D6、D7、D8、D9、D10、D11、D12、D13、D14 ほか 4 件');
    expect(text.filter((l) => l.includes('「TEL」'))).toHaveLength(1);
    const json = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as { issues: { cell: string }[] };
    expect(json.issues.map((i) => i.cell)).toEqual(Array.from({ length: 15 }, (_, i) => `D${i + 4}`));
  });

  test('a 設定 item under a name a little off is told on 設定, with the item’s name as candidate', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('相談記録').addRows([HEADER, good]);
    wb.addWorksheet('設定').addRows([
      ['項目', '値'],
      ['センター名', '本庄西'],
      ['虐待の報告期限', 3],
    ]);
    const file = join(dir, 'settings-misnamed.xlsx');
    await wb.xlsx.writeFile(file);
    const doc = JSON.parse((await run('check', file, '--json', '--today', '2026-11-23')).stdout) as {
      issues: { sheet: string; cell: string; code: string; suggestion?: string }[];
    };
    expect(doc.issues.map((i) => [i.sheet, i.cell, i.code, i.suggestion])).toEqual([['設定', 'A3', 'SETTING_UNKNOWN', '虐待報告の期限日数']]);
  });

  test('a 相談記録 whose date column is not recognised gets no 月報 of zeros: report writes nothing, exit 1, and says which column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('相談記録').addRows([HEADER.map((h) => (h === '受付日' ? '来談日' : h)), good, good]);
    const file = join(dir, 'no-date.xlsx');
    await wb.xlsx.writeFile(file);
    const out = join(dir, 'no-date-提出.xlsx');
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--today', '2026-11-23');
    expect([r.status, r.stdout, existsSync(out)]).toEqual([1, '', false]);
    expect(r.stderr).toContain('「相談記録」の「受付日」の列がないまま作ると、どの行も月に当たらず、その件数が 0 になるためです。');
  });

  test('bad usage and unreadable files: exit 2 with a Japanese message', async () => {
    const notXlsx = join(dir, 'text.xlsx');
    writeFileSync(notXlsx, 'これは表ではありません');
    const usages = [['check'], ['check', join(dir, 'none.xlsx')], ['check', notXlsx], ['frobnicate'], ['check', 'a.xlsx', '--bogus']];
    for (const r of await Promise.all(usages.map((args) => runCli(...args)))) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/[ぁ-ん]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('--help explains the commands', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('houkatsu check FILE.xlsx');
    // What report writes and what the city commands read (issue 14): the 提出用 workbook, never the ledger.
    expect(r.stdout).toContain('houkatsu report --month YYYY-MM FILE.xlsx [-o OUT.xlsx] [--year YYYY] [--json]');
    expect(r.stdout).toMatch(/OUT はセンターの提出用ファイル/);
    expect(r.stdout).toContain('相談記録・委託契約・委託実績・設定の行は 1 行も入りません');
    expect(r.stdout).toContain('提出用ファイルの提出データ（_提出データ）だけを読み');
    expect(r.stdout).toContain('何も読まずに「読めない」');
    expect(r.stdout).not.toContain('その場で月報を作成');
  });
});
