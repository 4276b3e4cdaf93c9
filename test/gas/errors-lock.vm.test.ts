import { join } from 'node:path';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultations, CONSULTATION_HEADER } from '../helpers/center';

/**
 * Issue #17, point 8: LockService.getDocumentLock() returns null outside a containing document (its reference
 * gives `Lock|null`). The center's jobs then say so in Japanese and change nothing, instead of a TypeError.
 */
const ROOT = join(__dirname, '..', '..');

test('月報を作成 without a document lock: a clear Japanese message, and no report', () => {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build'), documentLock: false });
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(3)]);
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  expect(() => runFunction(context, 'reportDialogBuild', '2026-10')).toThrow(
    /^同時に 2 人が実行しないための錠（ドキュメント ロック）を Google から受け取れませんでした。.*スプレッドシートを開き、メニュー/,
  );
  expect(env.spreadsheet.peekSheetNames()).not.toContain('月報_2026-10');
});
