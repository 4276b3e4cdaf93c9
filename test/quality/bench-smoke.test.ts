import { join } from 'node:path';
import { runScript } from '../helpers/demo';

/**
 * `npm run bench` at small sizes (`--smoke`), as part of the tests: the benchmark keeps running, and the number of
 * SpreadsheetApp calls per job does not grow with the rows (the bench exits 1 when it does). Its timings are
 * printed by `npm run bench`, never asserted.
 */
test('the benchmark runs, and every job makes as many SpreadsheetApp calls at 1,500 rows as at 1,000', async () => {
  const r = await runScript(join(__dirname, '..', '..', 'dist', 'bench.js'), '--smoke');
  expect(r.stderr).not.toContain('呼び出し回数が行数で変わりました');
  expect(r.status).toBe(0);
  for (const job of ['入力チェック', 'onEdit (500行の貼り付け)', '月報を作成', '市へ提出']) {
    const line = r.stdout.split('\n').find((l) => l.trim().startsWith(job));
    expect([job, line]).toEqual([job, expect.stringContaining(' 同じ ')]);
  }
  expect(r.stdout).not.toContain('★違う');
});
