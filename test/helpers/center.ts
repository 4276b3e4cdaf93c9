import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { CONTRACT_COLUMNS } from '../../src/domain/sheets/contracts';
import { DELEGATION_COLUMNS } from '../../src/domain/sheets/delegations';

/** Rows of a small center, as a test would type them into Sheets (dates as Dates, in Japan time). */
export const CONSULTATION_HEADER = CONSULTATION_COLUMNS.map((c) => c.header);
export const CONTRACT_HEADER = CONTRACT_COLUMNS.map((c) => c.header);
export const DELEGATION_HEADER = DELEGATION_COLUMNS.map((c) => c.header);

/** A Date that Sheets in Asia/Tokyo shows as this calendar date. */
export function jst(iso: string): Date {
  return new Date(`${iso}T00:00:00+09:00`);
}

export function consultation(over: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    受付日: jst('2026-10-03'),
    相談者ID: 'A-0001',
    '新規/継続': '新規',
    相談方法: '電話',
    相談者: '本人',
    業務区分: '総合相談支援',
    相談内容: '介護保険サービス',
    認知症関連: false,
    夜間休日: false,
    対応職種: '社会福祉士等',
    対応内容: '情報提供・助言',
    紹介事業所: '',
    紹介理由: '',
    市への報告日: '',
    担当者: '担当A',
    氏名: '本庄 花子',
    内容メモ: 'デイサービスの相談',
  };
  const merged = { ...base, ...over };
  return CONSULTATION_HEADER.map((h) => merged[h] ?? '');
}

/** n valid consultations spread over October 2026, with distinct people. */
export function consultations(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => consultation({ 受付日: jst(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`), 相談者ID: `P-${i % 500}` }));
}

/**
 * The two ledger sizes at which the vm tests count a job's SpreadsheetApp calls, which must be the same: a job
 * that calls once a row, or once every few hundred rows, shows a difference between them. `npm run bench` counts
 * at 1,000 and 10,000 rows as well; the tests stop at 4,000 because every row costs time in each test run (#21).
 */
export const FEW_ROWS = 1000;
export const MANY_ROWS = 4000;

export const TOMATO = '1171300013';
export const JAM = '1171300021';

export function contract(over: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    事業所番号: TOMATO,
    事業所名: 'トマト村',
    法人名: '株式会社トマト',
    所在地: '早稲田の杜5-14-8',
    所在: '',
    委託区分: '両方',
    契約開始日: jst('2020-04-01'),
    契約終了日: '',
    運営協議会承認日: jst('2020-03-15'),
    選定理由: '利用者の希望と、圏域内の事業所の受け入れ状況から選定',
  };
  const merged = { ...base, ...over };
  return CONTRACT_HEADER.map((h) => merged[h] ?? '');
}

export function delegation(over: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = { 対象月: '2026-10', 事業所番号: TOMATO, 介護予防支援件数: 3, 介護予防ケアマネジメント件数: 2, うち新規: 1 };
  const merged = { ...base, ...over };
  return DELEGATION_HEADER.map((h) => merged[h] ?? '');
}
