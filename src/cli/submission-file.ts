import type * as ExcelJS from 'exceljs';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SubmissionFile } from '../workbook/submission-target';
import { loadExcelJS, openXlsx, replaceXlsxSheet, xlsxPort } from './xlsx-port';

/** An .xlsx file that could not be written (a missing folder, no permission); the CLI's exit code 2. */
export class UnwritableFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`「${path}」に書き出せませんでした（${reason}）。書き出す先のフォルダと権限を確かめてください。元のファイルは変えていません。`);
  }
}

function writeReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'フォルダがありません';
  if (code === 'EACCES' || code === 'EPERM') return '書き込みの権限がありません';
  if (code === 'EISDIR') return 'フォルダです';
  return String((error as { message?: unknown }).message ?? error).slice(0, 120);
}

/**
 * Writes a file at `path` all at once: into a temporary file in the same folder, then renamed over it. A failure
 * half-way leaves an existing file as it was.
 */
async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UnwritableFileError(path, writeReason(error));
  }
}

/** Writes a workbook to `path` all at once (writeAtomically). */
export async function saveAtomically(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeAtomically(path, (temporary) => workbook.xlsx.writeFile(temporary));
}

/** Writes text (UTF-8) to `path` all at once (writeAtomically): `houkatsu export -o`. */
export async function writeTextAtomically(path: string, text: string): Promise<void> {
  await writeAtomically(path, async (temporary) => writeFileSync(temporary, text, 'utf8'));
}

/** A center's 提出用 workbook on disk (SPEC §6): changed in memory, written by save() in one step. */
export interface XlsxSubmissionFile extends SubmissionFile {
  readonly workbook: ExcelJS.Workbook;
  save(): Promise<void>;
}

/**
 * Opens the 提出用 workbook at `path`, or a new one when there is none and `create` is set. A file that is
 * there but is not an .xlsx workbook is an UnreadableFileError (it is never overwritten).
 */
export async function openSubmissionFile(path: string, options: { create: boolean }): Promise<XlsxSubmissionFile> {
  const port = existsSync(path) || !options.create ? await openXlsx(path) : undefined;
  const workbook = port?.workbook ?? new (loadExcelJS().Workbook)();
  if (!port) workbook.creator = '包括支援シート';
  const reader = port ?? xlsxPort(workbook, basename(path));
  let broken = false;
  return {
    location: path,
    workbook,
    sheetNames: () => workbook.worksheets.map((ws) => ws.name),
    readSheet: (name) => reader.readSheet(name),
    replaceSheets(models) {
      // In memory: the file changes only in save(). A model that fails to draw leaves this copy unusable,
      // so that a half-replaced workbook is never written.
      try {
        for (const model of models) replaceXlsxSheet(workbook, model);
      } catch (error) {
        broken = true;
        throw error;
      }
    },
    async save() {
      if (broken) throw new Error(`「${path}」への書き込みを途中で止めました（シートの作成に失敗したため）。ファイルは変えていません。`);
      await saveAtomically(workbook, path);
    },
  };
}
