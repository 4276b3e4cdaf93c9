import type { CellValue } from '../domain/values/cell';
import { EVALUATION_COLUMNS, EVALUATION_SHEET } from '../domain/sheets/evaluation';
import { EVALUATION_CATEGORIES, INDICATOR_COLUMNS, INDICATOR_LIST_SHEET } from '../domain/sheets/indicators';
import { NATIONAL_HEADER, NATIONAL_SHEET } from '../domain/sheets/national-averages';
import type { SampleSheet } from './sheet';

/**
 * A sample list of evaluation indicators in the style of the national ones (市町村・センター評価指標), three per
 * category. The real list is data the city distributes each year; these are stand-ins for the demo.
 */
const INDICATORS: readonly (readonly [string, string])[] = [
  ['組織運営体制等', '保健師・社会福祉士・主任介護支援専門員の3職種を配置しているか'],
  ['組織運営体制等', '市の運営方針に沿って年間の事業計画を作っているか'],
  ['組織運営体制等', '個人情報の取扱いの手順を定め、職員に周知しているか'],
  ['総合相談支援', '相談事例を分類・整理し、件数を把握しているか'],
  ['総合相談支援', '地域の民生委員等と定期的に情報交換しているか'],
  ['総合相談支援', '夜間・休日の相談に応じる体制があるか'],
  ['権利擁護', '高齢者虐待への対応手順を定めているか'],
  ['権利擁護', '成年後見制度の利用を支援しているか'],
  ['権利擁護', '消費者被害の防止の情報を関係者と共有しているか'],
  ['包括的・継続的ケアマネジメント支援', '介護支援専門員からの相談に応じる窓口を設けているか'],
  ['包括的・継続的ケアマネジメント支援', '介護支援専門員向けの研修・勉強会を開いているか'],
  ['包括的・継続的ケアマネジメント支援', '支援困難事例に助言・指導しているか'],
  ['地域ケア会議', '地域ケア個別会議を開催しているか'],
  ['地域ケア会議', '会議で把握した地域課題を市に報告しているか'],
  ['地域ケア会議', '多職種（医師・歯科医師・薬剤師等）が参加しているか'],
  ['介護予防ケアマネジメント・介護予防支援', '自立支援に資する目標を利用者と共有しているか'],
  ['介護予防ケアマネジメント・介護予防支援', '委託先の選定で公正・中立を確保しているか'],
  ['介護予防ケアマネジメント・介護予防支援', '委託した事例の初回に立ち会っているか'],
  ['事業間連携', '在宅医療・介護連携の相談に応じているか'],
  ['事業間連携', '生活支援コーディネーターと連携しているか'],
  ['事業間連携', '認知症地域支援推進員と連携しているか'],
];

/** The 年度 of the sample (令和2年度, April 2020 to March 2021): the year the demo's month falls in. */
export const SAMPLE_FISCAL_YEAR = '2020';

/** The handout's own reason for a category below 100%: a 看護師 placed instead of a 保健師. */
const NO_ANSWERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  児玉: { '1': '保健師ではなく、保健師に準ずる者として看護師を配置しているため' },
  本庄南: { '15': '歯科医師・薬剤師の参加は年度内に調整中のため、医師のみの参加となった' },
};

export function sampleIndicatorSheet(): SampleSheet {
  return {
    name: INDICATOR_LIST_SHEET,
    rows: [
      INDICATOR_COLUMNS.map((c) => c.header),
      ...INDICATORS.map(([category, text], i): CellValue[] => [SAMPLE_FISCAL_YEAR, String(i + 1), category, text]),
    ],
    widths: [8, 6, 36, 70],
  };
}

export function sampleEvaluationSheet(center: string): SampleSheet {
  const no = NO_ANSWERS[center] ?? {};
  return {
    name: EVALUATION_SHEET,
    rows: [
      EVALUATION_COLUMNS.map((c) => c.header),
      ...INDICATORS.map(([category, text], i): CellValue[] => {
        const number = String(i + 1);
        const reason = no[number];
        return [SAMPLE_FISCAL_YEAR, number, category, text, reason ? 'いいえ' : 'はい', reason ?? ''];
      }),
    ],
    widths: [8, 6, 36, 70, 8, 50],
  };
}

/** Sample national averages (stand-ins, not the published figures) for the city's 全国平均 sheet. */
export function sampleNationalSheet(): SampleSheet {
  const rates = [0.86, 0.91, 0.88, 0.84, 0.79, 0.9, 0.82];
  return {
    name: NATIONAL_SHEET,
    rows: [[...NATIONAL_HEADER], ...EVALUATION_CATEGORIES.map((c, i): CellValue[] => [SAMPLE_FISCAL_YEAR, c, rates[i] ?? 0.85])],
  };
}
