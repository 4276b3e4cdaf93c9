import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { CONTRACT_COLUMNS } from '../../src/domain/sheets/contracts';
import type { CellValue } from '../../src/domain/values/cell';
import { d } from './tables';

/** Rows as the domain tests lay them out (dates as date values): one valid row, `over` replacing cells by header. */
export const CONSULTATION_HEADER = CONSULTATION_COLUMNS.map((c) => c.header);
export const CONTRACT_HEADER = CONTRACT_COLUMNS.map((c) => c.header);

function rowOf(base: Record<string, CellValue>, over: Record<string, CellValue>, headers: readonly string[]): CellValue[] {
  const merged = { ...base, ...over };
  return headers.map((h) => merged[h] ?? null);
}

export function consultationRow(over: Record<string, CellValue> = {}, headers: readonly string[] = CONSULTATION_HEADER): CellValue[] {
  return rowOf(
    {
      受付日: d('2026-10-03'),
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
      市への報告日: null,
      担当者: '担当A',
      氏名: '本庄 花子',
      内容メモ: 'デイサービスの相談',
    },
    over,
    headers,
  );
}

export function contractRow(over: Record<string, CellValue> = {}, headers: readonly string[] = CONTRACT_HEADER): CellValue[] {
  return rowOf(
    {
      事業所番号: '1171300013',
      事業所名: 'トマト村',
      法人名: '有限会社 見本ライフ',
      所在地: '早稲田の杜5-14-8',
      所在: '本庄市',
      委託区分: '両方',
      契約開始日: d('2020-04-01'),
      契約終了日: null,
      運営協議会承認日: d('2020-03-20'),
      選定理由: '利用者の希望により、複数の事業所から選んだ',
    },
    over,
    headers,
  );
}
