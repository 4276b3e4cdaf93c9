import { type CellValue, cellText } from '../values/cell';
import { chunk, type StoredSubmission } from './submission-store';
import { sameMinute, timeForPeople } from '../values/times';

/**
 * The city's own record of every payload it read (SPEC §4.2), in its sheet `_受領記録`. A center can
 * replace a payload in its 提出用ファイル at any time, and anyone can recompute a fingerprint, so the
 * fingerprint alone cannot show a change after the fact: this record can. A payload replaced later is
 * read as a new submission, and the earlier one stays here.
 */
export const RECEIPTS_SHEET = '_受領記録';
export const RECEIPT_HEADER = ['センター', '種類', '対象', '提出日時', '指紋', '受領日時', '本文'] as const;

export interface Receipt {
  readonly center: string;
  readonly kind: string;
  readonly period: string;
  /**
   * When the center submitted it. In memory, the payload's own time; in the sheet, written for people (Japan time,
   * `2021/03/05 10:00`, issue #18: city staff read this sheet to see what they received), so a receipt read back
   * is matched to a payload to the minute (sameMinute). The exact time stays in the payload kept in 本文.
   */
  readonly submittedAt: string;
  readonly fingerprint: string;
  /** When the city read it, for people (japanTimeText). */
  readonly receivedAt: string;
  /** The payload's JSON as read (split over 本文 and the cells to its right when it is long). */
  readonly json: string;
}

export function readReceipts(rows: readonly (readonly CellValue[])[]): Receipt[] {
  return rows
    .filter((row, i) => !(i === 0 && cellText(row[0]) === RECEIPT_HEADER[0]))
    .filter((row) => cellText(row[0]) !== '')
    .map((row) => ({
      center: cellText(row[0]),
      kind: cellText(row[1]),
      period: cellText(row[2]),
      submittedAt: cellText(row[3]),
      fingerprint: cellText(row[4]),
      receivedAt: cellText(row[5]),
      json: row.slice(6).map(cellText).join(''),
    }));
}

export function receiptRow(r: Receipt): CellValue[] {
  return [r.center, r.kind, r.period, timeForPeople(r.submittedAt), r.fingerprint, timeForPeople(r.receivedAt), ...chunk(r.json)];
}

/**
 * Whether this very payload (same center, period, fingerprint and submission time) is on record. The time is
 * compared to the minute, as the sheet keeps it (in any form an earlier version wrote): the same data submitted
 * twice in one minute is one receipt, which loses nothing, since the data is the same.
 */
function recorded(receipts: readonly Receipt[], center: string, s: Pick<Receipt, 'kind' | 'period' | 'fingerprint' | 'submittedAt'>): boolean {
  return receipts.some(
    (r) => r.center === center && r.kind === s.kind && r.period === s.period && r.fingerprint === s.fingerprint && sameMinute(r.submittedAt, s.submittedAt),
  );
}

/** The receipts to add for payloads just read: those not on record yet. */
export function newReceipts(receipts: readonly Receipt[], center: string, read: readonly StoredSubmission[], receivedAt: string): Receipt[] {
  const out: Receipt[] = [];
  for (const s of read) {
    if (recorded(receipts, center, s) || recorded(out, center, s)) continue;
    out.push({ center, kind: s.kind, period: s.period, submittedAt: s.submittedAt, fingerprint: s.fingerprint, receivedAt, json: s.json });
  }
  return out;
}

/** Receipts not on record yet: a run stopped after writing some of them writes only the others again. */
export function unrecorded(onRecord: readonly Receipt[], receipts: readonly Receipt[]): Receipt[] {
  return receipts.filter((r) => !recorded(onRecord, r.center, r));
}

/**
 * What the city received before for the same center and period, when it differs from the payload read now:
 * the center replaced its submission. The 提出状況 says so, so a change never goes unnoticed.
 */
export function replacedNote(receipts: readonly Receipt[], center: string, s: StoredSubmission): string | undefined {
  const earlier = receipts.filter((r) => r.center === center && r.kind === s.kind && r.period === s.period && r.fingerprint !== s.fingerprint);
  const last = earlier[earlier.length - 1];
  if (!last) return undefined;
  return `再提出: ${timeForPeople(last.receivedAt)} に受け取った提出（${timeForPeople(last.submittedAt)}、指紋 ${last.fingerprint.slice(0, 12)}…）と内容が違います。前の提出は「${RECEIPTS_SHEET}」に残っています。`;
}
