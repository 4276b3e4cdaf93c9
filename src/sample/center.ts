import type { CellValue } from '../domain/cell';
import { CONSULTATIONS_SHEET } from '../domain/consultations';
import { addMonths, type YearMonth } from '../domain/months';
import { SETTINGS_SHEET } from '../domain/settings';
import { plantConsultationMess, type PlantedMess, sampleConsultations, type SampleSheet } from './consultations';
import { seededRandom } from './random';

export interface SampleCenter {
  readonly name: string;
  readonly code: string;
  readonly idPrefix: string;
}

/** The four centers of 本庄市 in the handout (their names are public). */
export const HONJO_CENTERS: readonly SampleCenter[] = [
  { name: '本庄西', code: '11211-01', idPrefix: 'NW' },
  { name: '本庄東', code: '11211-02', idPrefix: 'HE' },
  { name: '本庄南', code: '11211-03', idPrefix: 'MN' },
  { name: '児玉', code: '11211-04', idPrefix: 'KD' },
];

/** The sample year ends with the month of the handout's 資料3 (令和3年2月). */
export const SAMPLE_LAST_MONTH: YearMonth = '2021-02';

export interface SampleWorkbook {
  readonly center: SampleCenter;
  readonly sheets: SampleSheet[];
  readonly planted: PlantedMess[];
}

export function sampleSettings(center: SampleCenter): CellValue[][] {
  return [
    ['項目', '値'],
    ['センター名', `${center.name}地域包括支援センター`],
    ['センターコード', center.code],
    ['都道府県名', '埼玉県'],
    ['市区町村名', '本庄市'],
    ['市外の町村', '上里町、美里町、神川町'],
    ['運営法人名', '社会福祉法人 本庄福祉会'],
    ['集中の警告しきい値', '80%'],
    ['虐待報告の期限日数', 1],
    ['相談内容', ''],
  ];
}

export function sampleCenterWorkbook(center: SampleCenter, seed: number, lastMonth: YearMonth = SAMPLE_LAST_MONTH): SampleWorkbook {
  const random = seededRandom(seed);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(lastMonth, i - 11));
  const clean = sampleConsultations({ random, months, perMonth: 220, idPrefix: center.idPrefix, staff: ['担当A', '担当B', '担当C', '担当D', '担当E'] });
  const messy = plantConsultationMess(CONSULTATIONS_SHEET, clean, random);
  return {
    center,
    sheets: [
      { name: SETTINGS_SHEET, rows: sampleSettings(center) },
      { name: CONSULTATIONS_SHEET, rows: messy.rows },
    ],
    planted: messy.planted,
  };
}
