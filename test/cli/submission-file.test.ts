import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSubmissionFile } from '../../src/cli/submission-file';
import { UnwritableFileError } from '../../src/cli/xlsx-save';
import { UnreadableFileError } from '../../src/cli/xlsx-port';
import { SUBMISSIONS_SHEET } from '../../src/domain/reports/submission-store';
import { readSubmissionStore, SubmissionTargetError, writeToSubmissionFile } from '../../src/workbook/submission-target';
import type { SheetModel } from '../../src/workbook/sheet-model';
import { sheetNames, writeBook } from './xlsx-files';

/** The .xlsx side of the SubmissionFile port: reads, replaces in memory, and writes all at once. */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-subfile-'));
const report = (month: string, text = '月報'): SheetModel => ({ name: `月報_${month}`, blocks: [{ row: 1, column: 1, values: [[text]] }] });
const payload = (fingerprint: string) => ({ submittedAt: '2026-11-01T00:00:00.000Z', fingerprint, schemaVersion: 1 });

describe('openSubmissionFile', () => {
  test('a new file: nothing on disk until save(), then only the sheets written', async () => {
    const path = join(dir, 'new.xlsx');
    const file = await openSubmissionFile(path, { create: true });
    expect(file.location).toBe(path);
    expect(file.sheetNames()).toEqual([]);
    writeToSubmissionFile(file, { kind: 'monthly-report', period: '2026-10', payload: payload('a') }, report('2026-10'));
    expect(existsSync(path)).toBe(false);
    await file.save();
    expect((await sheetNames(path)).sort()).toEqual([SUBMISSIONS_SHEET, '月報_2026-10'].sort());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = await openSubmissionFile(path, { create: false });
    const read = readSubmissionStore(again);
    expect(read.kind === 'ok' && read.stored.map((s) => [s.period, s.fingerprint])).toEqual([['2026-10', 'a']]);
  });

  test('a file that is missing (when reading) or not an .xlsx is unreadable, and is never overwritten', async () => {
    await expect(openSubmissionFile(join(dir, 'none.xlsx'), { create: false })).rejects.toBeInstanceOf(UnreadableFileError);
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'メモ');
    await expect(openSubmissionFile(text, { create: true })).rejects.toBeInstanceOf(UnreadableFileError);
    expect(readFileSync(text, 'utf8')).toBe('メモ');
  });

  test('a center workbook is refused as a target before anything changes, and read by the city as nothing', async () => {
    const path = await writeBook(join(dir, 'center.xlsx'), [
      [
        '相談記録',
        [
          ['受付日', '相談者ID'],
          ['2026-10-01', 'X-1'],
        ],
      ],
      [SUBMISSIONS_SHEET, [['種類']]],
    ]);
    const before = readFileSync(path);
    const file = await openSubmissionFile(path, { create: false });
    expect(() => writeToSubmissionFile(file, { kind: 'monthly-report', period: '2026-10', payload: payload('a') }, report('2026-10'))).toThrow(
      SubmissionTargetError,
    );
    expect(file.sheetNames()).toEqual(['相談記録', SUBMISSIONS_SHEET]);
    expect(readSubmissionStore(file)).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('「相談記録」') });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('a failed write leaves the existing file as it was, with no temporary file behind', async () => {
    const path = join(dir, 'keep.xlsx');
    const first = await openSubmissionFile(path, { create: true });
    first.replaceSheets([report('2026-09')]);
    await first.save();
    const before = readFileSync(path);

    const second = await openSubmissionFile(path, { create: false });
    second.replaceSheets([report('2026-10')]);
    // The disk fills half-way through the file: what was written of it is there, and the write fails.
    // The module object itself (an import's namespace is a frozen copy), which the product's import reads through.
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const realWrite = fs.writeFileSync;
    const write = jest.spyOn(fs, 'writeFileSync').mockImplementation((to) => {
      realWrite(to, 'half a zip');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    await expect(second.save()).rejects.toBeInstanceOf(UnwritableFileError);
    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('keep.xlsx') && f !== 'keep.xlsx')).toEqual([]);
  });

  test('a sheet that fails to draw: the copy is not written at all (all or nothing)', async () => {
    const path = join(dir, 'half.xlsx');
    const first = await openSubmissionFile(path, { create: true });
    first.replaceSheets([report('2026-09')]);
    await first.save();
    const before = readFileSync(path);
    const second = await openSubmissionFile(path, { create: false });
    const bad = {
      name: '月報_2026-11',
      get blocks(): never {
        throw new Error('broken model');
      },
    } as unknown as SheetModel;
    expect(() => second.replaceSheets([report('2026-10'), bad])).toThrow('broken model');
    await expect(second.save()).rejects.toThrow('ファイルは変えていません');
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
