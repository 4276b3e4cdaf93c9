import type { CellValue } from '../../src/domain/values/cell';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import { type Submission, toSubmission } from '../../src/domain/reports/submission';
import { storedSubmissionRows, withSubmission } from '../../src/domain/reports/submission-store';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook, type WorkbookReading } from '../../src/domain/sheets/workbook-check';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';

export function rawOf(name: string, rows: readonly (readonly CellValue[])[]): RawSheet {
  return { name, rows: rows.map((values, i) => ({ rowNumber: i + 1, values: [...values] })) };
}

/**
 * A sample center's ledger as read for its reports, once per center and seed in a test file: the city's tests ask for
 * several months of the same centers, and making and reading a year's ledger is most of a submission's cost.
 */
const readings = new Map<string, WorkbookReading>();

function sampleReading(centerIndex: number, seed: number): WorkbookReading {
  const key = `${centerIndex}:${seed}`;
  const known = readings.get(key);
  if (known) return known;
  const center = HONJO_CENTERS[centerIndex];
  if (!center) throw new Error(`no sample center ${centerIndex}`);
  const book = sampleCenterWorkbook(center, seed);
  const raws = new Map(book.sheets.map((s) => [s.name, rawOf(s.name, s.rows)] as const));
  const reading = readWorkbook(raws, readSettings(raws.get(SETTINGS_SHEET), center.name), '2026-11-23');
  readings.set(key, reading);
  return reading;
}

/** A sample center's submission for a month, made the way 「市へ提出」 makes it (through the domain). */
export function sampleSubmission(centerIndex: number, month: string, seed = 7): Submission {
  const reading = sampleReading(centerIndex, seed);
  const report = buildMonthlyReport({
    settings: reading.settings,
    month,
    consultations: reading.consultations,
    contracts: reading.contracts,
    delegations: reading.delegations,
    issues: reading.issues,
  });
  return toSubmission(report, '2021-03-05T01:00:00.000Z', '2021-03-05T01:00:00.000Z');
}

/** The rows of `_提出データ` holding these submissions. */
export function storeRows(submissions: readonly Submission[]): CellValue[][] {
  let list = withSubmission([], { kind: 'x', period: 'x', submittedAt: '', fingerprint: '', schemaVersion: 0, json: '' }).slice(1);
  for (const s of submissions) {
    list = withSubmission(list, {
      kind: s.kind,
      period: s.month,
      submittedAt: s.submittedAt ?? '',
      fingerprint: s.fingerprint,
      schemaVersion: s.schemaVersion,
      json: JSON.stringify(s),
    });
  }
  return storedSubmissionRows(list);
}
