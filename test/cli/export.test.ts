import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { readPayload, type Submission } from '../../src/domain/reports/submission';
import { SUBMISSION_SCHEMA_FILE } from '../../src/domain/reports/submission-schema';
import { type StoredSubmission, storedSubmissionRows, SUBMISSIONS_SHEET } from '../../src/domain/reports/submission-store';
import { HONJO_CENTERS } from '../../src/sample/center';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { demoJsonRun } from '../helpers/demo';
import { readBook, ROOT, run, sheetRows, storedIn, writeBook } from './xlsx-files';

/**
 * `houkatsu export --ndjson` (issue #18 item 6): the 月報 payloads of the centers' 提出用 workbooks, one a line, for a
 * warehouse. Every line fits the published schema (read back from schema/submission.v1.json); a file that gives
 * nothing is said on stderr with the exit code of SPEC §6; no person's data can come out.
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-export-'));
const validator = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, SUBMISSION_SCHEMA_FILE), 'utf8')) as Parameters<typeof z.fromJSONSchema>[0]);

/** The demo's 提出用 workbooks (read, never changed) and one center's own workbook. */
const submissions: string[] = [];
let ledger = '';
beforeAll(async () => {
  const demo = await demoJsonRun();
  expect(demo.status).toBe(0);
  for (const center of HONJO_CENTERS) submissions.push(join(demo.dir, '提出', `提出用_${center.name}地域包括支援センター.xlsx`));
  ledger = join(demo.dir, 'センター', `${HONJO_CENTERS[0]?.name}.xlsx`);
}, 180_000);

/** The NDJSON text as lines: each ends with `\n`, none is empty. */
function linesOf(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  expect(text).not.toContain('\r');
  const lines = text.slice(0, -1).split('\n');
  expect(lines.every((l) => l !== '')).toBe(true);
  return lines;
}

/** A copy of a 提出用 workbook whose `_提出データ` rows are changed. */
async function withStore(from: string, name: string, change: (list: StoredSubmission[]) => StoredSubmission[]): Promise<string> {
  const to = join(dir, name);
  copyFileSync(from, to);
  const list = change(await storedIn(to));
  const wb = await readBook(to);
  wb.removeWorksheet(wb.getWorksheet(SUBMISSIONS_SHEET)?.id ?? -1);
  const ws = wb.addWorksheet(SUBMISSIONS_SHEET);
  for (const row of storedSubmissionRows(list)) ws.addRow(row as never[]);
  await wb.xlsx.writeFile(to);
  return to;
}

describe('houkatsu export --ndjson', () => {
  test('four 提出用 workbooks: one line per center, each a payload that fits the published schema and reads as the city reads it', async () => {
    const r = await run('export', '--ndjson', ...submissions);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = linesOf(r.stdout);
    expect(lines).toHaveLength(4);
    const payloads = lines.map((l) => JSON.parse(l) as Submission);
    for (const [i, line] of lines.entries()) {
      const checked = validator.safeParse(JSON.parse(line));
      expect(checked.error).toBeUndefined();
      // The fingerprint still matches: the line is the payload the center signed.
      expect(readPayload(line).kind).toBe('ok');
      expect(payloads[i]).toMatchObject({ kind: 'monthly-report', schemaVersion: 1, month: '2021-02' });
      // JSON's form of a time: the demo submitted at 10:00 in Japan.
      expect(payloads[i]?.submittedAt).toBe('2021-03-05T10:00:00+09:00');
      expect(payloads[i]?.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
    expect(payloads.map((p) => p.center.name)).toEqual(HONJO_CENTERS.map((c) => `${c.name}地域包括支援センター`));
    // Exactly what each workbook's current 月報 row holds, field for field.
    const stored = JSON.parse((await storedIn(submissions[0] as string)).find((s) => s.kind === 'monthly-report')?.json ?? '{}') as Submission;
    expect(payloads[0]).toEqual(stored);
  });

  test('-o writes the same lines to a file, at once (no temporary file left), and says so on stdout', async () => {
    const out = join(dir, 'out', 'submissions.ndjson');
    mkdirSync(join(dir, 'out'));
    const r = await run('export', '--ndjson', ...submissions, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`4 ファイルから 4 件の提出データ（月報）を「${out}」に書き出しました（1 行に 1 件、NDJSON）。\n`);
    expect(readFileSync(out, 'utf8')).toBe((await run('export', '--ndjson', ...submissions)).stdout);
    expect(readdirSync(join(dir, 'out'))).toEqual(['submissions.ndjson']);
  });

  test('a center’s own workbook is refused, named, and nothing of it is read; the other lines are written (exit 1)', async () => {
    const r = await run('export', '--ndjson', submissions[0] as string, ledger);
    expect(r.status).toBe(1);
    expect(linesOf(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain(`「${ledger}」: 提出用ファイルではありません（`);
    expect(r.stderr).toContain('「提出用_センター名」のファイル');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('nothing to write: exit 2, nothing on stdout, and -o is not created', async () => {
    const text = join(dir, 'メモ.txt');
    writeFileSync(text, 'これは .xlsx ではありません');
    const missing = join(dir, 'ない.xlsx');
    const out = join(dir, 'none.ndjson');
    const r = await run('export', '--ndjson', ledger, text, missing, '-o', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const said = r.stderr.trim().split('\n');
    expect(said).toHaveLength(4);
    expect(said[0]).toContain(`「${ledger}」: 提出用ファイルではありません`);
    expect(said[1]).toMatch(
      new RegExp(`^「${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」を読めませんでした（.*）。.*「提出用_センター名.xlsx」を指定してください。$`),
    );
    expect(said[2]).toContain(`「${missing}」を読めませんでした`);
    expect(said[3]).toBe(`書き出せる提出データが 1 件もありませんでした（「${out}」には何も書いていません）。`);
  });

  test('a 提出用 workbook without a 月報 payload, and a payload whose fingerprint does not match, are said and left out', async () => {
    const evaluationOnly = await withStore(submissions[1] as string, '提出用_評価だけ.xlsx', (list) => list.filter((s) => s.kind !== 'monthly-report'));
    const tampered = await withStore(submissions[2] as string, '提出用_書き換え.xlsx', (list) =>
      list.map((s) => (s.kind === 'monthly-report' ? { ...s, json: s.json.replace('"total":', '"total":1') } : s)),
    );
    const r = await run('export', '--ndjson', submissions[0] as string, evaluationOnly, tampered);
    expect(r.status).toBe(1);
    expect(linesOf(r.stdout)).toHaveLength(1);
    const said = r.stderr.trim().split('\n');
    expect(said).toHaveLength(2);
    expect(said[0]).toBe(
      `「${evaluationOnly}」には月報の提出データがありません（「_提出データ」にあるのは月報ではない提出データか履歴だけです。書き出すのは各月の最新の月報です）。` +
        'センターが「市へ提出」（または houkatsu report）で作る「提出用_センター名.xlsx」を指定してください。',
    );
    expect(said[1]).toMatch(
      new RegExp(`^「${tampered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」の 2021-02 の提出データは書き出しません: 提出データの指紋が内容と合いません。`),
    );
  });

  test('a payload made before issue #18 (`Z`) is written with +09:00, and its fingerprint still matches', async () => {
    const older = await withStore(submissions[3] as string, '提出用_以前.xlsx', (list) =>
      list.map((s) =>
        s.kind === 'monthly-report'
          ? {
              ...s,
              json: s.json
                .replace(/"generatedAt":"[^"]*"/, '"generatedAt":"2021-03-05T01:00:00.000Z"')
                .replace(/"submittedAt":"[^"]*"/, '"submittedAt":"2021-03-05T01:00:00.000Z"'),
            }
          : s,
      ),
    );
    expect((await storedIn(older)).find((s) => s.kind === 'monthly-report')?.json).toContain('"submittedAt":"2021-03-05T01:00:00.000Z"');
    const r = await run('export', '--ndjson', older);
    expect(r.stderr).toBe('');
    const [line] = linesOf(r.stdout);
    expect(JSON.parse(line as string)).toMatchObject({ generatedAt: '2021-03-05T10:00:00+09:00', submittedAt: '2021-03-05T10:00:00+09:00' });
    expect(readPayload(line as string).kind).toBe('ok');
    expect(validator.safeParse(JSON.parse(line as string)).success).toBe(true);
  });

  test('the same payload from two files (a file named twice) is written once, and said so', async () => {
    const r = await run('export', '--ndjson', submissions[0] as string, submissions[1] as string, submissions[0] as string);
    expect(r.status).toBe(0);
    expect(linesOf(r.stdout)).toHaveLength(2);
    expect(r.stderr).toBe(
      `「${submissions[0]}」の 本庄西地域包括支援センター 2021-02 の提出データは「${submissions[0]}」のものと同じなので、1 行だけ書きました。\n`,
    );
  });

  test('usage: --ndjson is required, --json is not it, files are required, -o is never an input or a workbook', async () => {
    const input = submissions[0] as string;
    for (const [args, said] of [
      [['export', input], 'export は --ndjson を付けて実行してください'],
      [['export', '--ndjson', '--json', input], '--json ではなく --ndjson'],
      [['export', '--ndjson'], '提出用ファイル（提出用_センター名.xlsx）を1つ以上指定してください'],
      [['export', '--ndjson', input, '-o', input], 'は読み込むファイルの 1 つです'],
      [['export', '--ndjson', input, '-o', join(dir, '別.xlsx')], 'は Excel のファイル名です'],
    ] as const) {
      const r = await run(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(said);
    }
    expect(existsSync(join(dir, '別.xlsx'))).toBe(false);
    const unwritable = await run('export', '--ndjson', input, '-o', join(dir, 'ないフォルダ', 'x.ndjson'));
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toContain('フォルダがありません');
  });

  test('houkatsu --help lists export', async () => {
    const r = await run('--help');
    expect(r.stdout).toContain('houkatsu export --ndjson FILES... [-o OUT.ndjson]');
  });
});

describe('no person’s data in the lines', () => {
  test('none of a demo center’s 相談者ID, 氏名 or 内容メモ, though the center’s own workbook holds them', async () => {
    const rows = (await sheetRows(ledger, '相談記録')).map((r) => r.map((v) => String(v ?? '').trim()));
    // The sample's ledger has a title row above its header.
    const header = rows.findIndex((r) => r.includes('相談者ID'));
    expect(header).toBeGreaterThanOrEqual(0);
    const personal = ['相談者ID', '氏名', '内容メモ'].map((h) => rows[header]?.indexOf(h) ?? -1);
    expect(personal.every((c) => c >= 0)).toBe(true);
    const values = [...new Set(rows.slice(header + 1).flatMap((r) => personal.map((c) => r[c] ?? '')))].filter((v) => v.length >= 3);
    expect(values.length).toBeGreaterThan(100);
    const text = (await run('export', '--ndjson', ...submissions)).stdout;
    expect(values.filter((v) => text.includes(v))).toEqual([]);
  });

  test('values planted in every free-text column of 相談記録 (氏名, 相談者ID, 内容メモ, …) never come out', async () => {
    const planted: Record<string, string> = {
      相談者ID: 'ZZ-EXPORT-ID-4711',
      氏名: '書出川 花子',
      内容メモ: '書き出し禁止のメモ：鍵は郵便受けの中',
      担当者: '書出 担当',
      紹介事業所: '書き出し禁止の紹介先',
      紹介理由: '書き出し禁止の紹介理由',
    };
    const center = await writeBook(join(dir, '本庄西.xlsx'), [
      [
        '設定',
        [
          ['項目', '値'],
          ['センター名', '本庄西'],
          ['センターコード', '11211-01'],
        ],
      ],
      ['相談記録', [CONSULTATION_HEADER, ...consultations(6), consultation({ 受付日: jst('2026-10-05'), ...planted })]],
      ['委託契約', [CONTRACT_HEADER, contract()]],
      ['委託実績', [DELEGATION_HEADER, delegation()]],
    ]);
    const submission = join(dir, '提出用_本庄西.xlsx');
    const made = await run('report', '--month', '2026-10', center, '-o', submission, '--today', '2026-11-23');
    expect(made.stderr).toBe('');
    const r = await run('export', '--ndjson', submission);
    expect(r.status).toBe(0);
    const lines = linesOf(r.stdout);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ center: { name: '本庄西' }, month: '2026-10' });
    expect(Object.values(planted).filter((value) => r.stdout.includes(value))).toEqual([]);
    // The check can fail: the planted values are in the center's workbook, which export refuses to read.
    const refused = await run('export', '--ndjson', center);
    expect(refused.status).toBe(2);
    expect((await sheetRows(center, '相談記録')).flat().map(String)).toEqual(expect.arrayContaining(Object.values(planted)));
  });
});
