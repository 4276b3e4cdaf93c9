import { resolve } from 'node:path';
import { MONTHLY_REPORT_KIND, readPayload, type Submission } from '../domain/reports/submission';
import { SUBMISSION_FILE_PREFIX } from '../domain/reports/submission-file';
import { CURRENT, SUBMISSIONS_SHEET } from '../domain/reports/submission-store';
import { compareTimes, isoTimeOf } from '../domain/values/times';
import { readSubmissionFile } from './consolidate-command';
import { writeTextAtomically } from './xlsx-save';

/** A file that gave no line, or a line left out, and why: a Japanese sentence for stderr naming the file. */
export interface ExportProblem {
  readonly file: string;
  readonly message: string;
}

export interface ExportResult {
  /** The NDJSON lines, each one 月報 payload, in the files' order and by month within a file. */
  readonly lines: readonly string[];
  /** Files that could not be read or held no 月報 payload, and payloads that did not read: the exit code says so. */
  readonly problems: readonly ExportProblem[];
  /** Payloads given by more than one file (a file named twice, a copy): written once, and said so. */
  readonly duplicates: readonly ExportProblem[];
  readonly output?: string;
}

/** `「file」: reason`, unless the reason names the file already (the reader's own message does). */
function about(file: string, reason: string): string {
  return reason.startsWith(`「${file}」`) ? reason : `「${file}」: ${reason}`;
}

const WHAT_IS_RIGHT = `センターが「市へ提出」（または houkatsu report）で作る「${SUBMISSION_FILE_PREFIX}センター名.xlsx」を指定してください。`;

/**
 * A payload as a line: the payload as the city reads it (schema-checked: fields it does not know are left out, so
 * every line fits the published schema), its times in JSON's form (+09:00, issue #18; the fingerprint does not
 * cover them, so it still matches). JSON.stringify escapes every newline inside a string: one payload, one line.
 */
function lineOf(s: Submission): string {
  return JSON.stringify({ ...s, generatedAt: isoTimeOf(s.generatedAt), submittedAt: s.submittedAt === null ? null : isoTimeOf(s.submittedAt) });
}

/**
 * `houkatsu export --ndjson`: the current 月報 payload of every month in each 提出用 workbook, one a line, for a
 * warehouse (BigQuery, DuckDB). Each file is read as the city reads it (readSubmissionFile): a center's own
 * workbook, with 相談記録, is refused before any of it is read, so what is written is what the city receives —
 * counts and office data, never a row of a person. Each payload is checked as the city checks it (readPayload:
 * JSON, version, schema, fingerprint). A file that gives nothing, and a payload that does not read, is a problem
 * said on stderr, never dropped in silence.
 */
export async function exportFiles(files: readonly string[], options: { readonly output?: string } = {}): Promise<ExportResult> {
  const lines: string[] = [];
  const problems: ExportProblem[] = [];
  const duplicates: ExportProblem[] = [];
  // The same payload (center, month, fingerprint, submission time) from two files: a file named twice, or a copy.
  const written: { readonly s: Submission; readonly file: string }[] = [];
  const same = (a: Submission, b: Submission): boolean =>
    a.center.name === b.center.name &&
    a.center.code === b.center.code &&
    a.month === b.month &&
    a.fingerprint === b.fingerprint &&
    compareTimes(a.submittedAt ?? '', b.submittedAt ?? '') === 0;
  for (const file of files) {
    const read = await readSubmissionFile(file);
    if (read.kind === 'unreadable') {
      problems.push({ file, message: `${about(file, read.reason)}${read.reason.includes(SUBMISSION_FILE_PREFIX) ? '' : WHAT_IS_RIGHT}` });
      continue;
    }
    const current = read.stored.filter((s) => s.kind === MONTHLY_REPORT_KIND && s.status === CURRENT).sort((a, b) => (a.period < b.period ? -1 : 1));
    if (current.length === 0) {
      const others =
        read.stored.length > 0 ? `（「${SUBMISSIONS_SHEET}」にあるのは月報ではない提出データか履歴だけです。書き出すのは各月の最新の月報です）` : '';
      problems.push({ file, message: `「${file}」には月報の提出データがありません${others}。${WHAT_IS_RIGHT}` });
      continue;
    }
    for (const stored of current) {
      const payload = readPayload(stored.json);
      if (payload.kind === 'bad') {
        problems.push({ file, message: `「${file}」の ${stored.period} の提出データは書き出しません: ${payload.reason}` });
        continue;
      }
      const s = payload.submission;
      const first = written.find((w) => same(w.s, s));
      if (first) {
        duplicates.push({ file, message: `「${file}」の ${s.center.name} ${s.month} の提出データは「${first.file}」のものと同じなので、1 行だけ書きました。` });
        continue;
      }
      written.push({ s, file });
      lines.push(lineOf(s));
    }
  }
  if (options.output !== undefined && lines.length > 0) await writeTextAtomically(options.output, ndjson(lines));
  return { lines, problems, duplicates, ...(options.output !== undefined ? { output: options.output } : {}) };
}

/** NDJSON: UTF-8, every line ended by `\n` (the last one too), no blank line. */
export function ndjson(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** Why `-o` may not be this file: an input, or a workbook (a 提出用ファイル overwritten by text would be lost). */
export function outputProblem(output: string, files: readonly string[]): string | undefined {
  if (files.some((f) => resolve(f) === resolve(output)))
    return `-o の「${output}」は読み込むファイルの 1 つです。書き出す先には別のファイル（例: submissions.ndjson）を指定してください。`;
  if (/\.(xlsx|xlsm|xls)$/i.test(output))
    return `-o の「${output}」は Excel のファイル名です。書き出すのは 1 行に 1 つの JSON（NDJSON）なので、submissions.ndjson のような名前にしてください（提出用ファイルを上書きしないため、何も書いていません）。`;
  return undefined;
}

export function formatExport(result: ExportResult, files: number): string {
  return `${files} ファイルから ${result.lines.length} 件の提出データ（月報）を「${result.output ?? ''}」に書き出しました（1 行に 1 件、NDJSON）。`;
}
