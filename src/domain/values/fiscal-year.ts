import { type CellValue, cellText } from './cell';
import { addDays, ERA_PATTERN, eraByToken, eraOfDate, eraYearText, type IsoDate, warekiToYear } from './dates';
import { toHalfWidthAlnum } from './text';

/**
 * 年度: the Japanese fiscal year, April to March, named by the western year it starts in ('2025' is
 * 2025-04 to 2026-03). The era arithmetic is the era table's (dates.ts), the same that reads and writes 和暦 dates.
 */
export type FiscalYear = string;

/** The month 年度 starts in. */
const FIRST_MONTH = 4;

const WESTERN = /^(\d{4})(?:年度)?$/;
const WAREKI = new RegExp(`^${ERA_PATTERN}(元|\\d{1,2})(?:年度)?$`);

/** `2025`, `2025年度`, `令和7年度`, `R7`, `平成31年度` → '2025'; undefined when the text is no 年度 (令和0年度 included). */
export function readFiscalYear(value: CellValue | undefined): FiscalYear | undefined {
  const t = toHalfWidthAlnum(cellText(value)).replace(/\s/g, '');
  const western = WESTERN.exec(t);
  if (western) return western[1];
  const wareki = WAREKI.exec(t);
  const era = wareki ? eraByToken(wareki[1] ?? '') : undefined;
  if (!wareki || !era) return undefined;
  const year = warekiToYear(era, wareki[2]);
  return typeof year === 'number' ? String(year) : undefined;
}

/** The 年度 a day falls in: 2026-03-31 is in 2025, 2026-04-01 in 2026. */
export function fiscalYearOf(day: IsoDate): FiscalYear {
  const year = Number(day.slice(0, 4));
  return String(Number(day.slice(5, 7)) >= FIRST_MONTH ? year : year - 1);
}

/** The last day of a 年度: 2025 → 2026-03-31 (the day before the next 年度's first month begins). */
export function fiscalYearEnd(year: FiscalYear): IsoDate {
  return addDays(`${Number(year) + 1}-${String(FIRST_MONTH).padStart(2, '0')}-01`, -1);
}

/** The 年度 that ended last before `today` (the one an evaluation is made of): on 2026-04-01, 2025. */
export function lastEndedFiscalYear(today: IsoDate): FiscalYear {
  return String(Number(fiscalYearOf(today)) - 1);
}

/**
 * 2025 → 令和7年度, 2019 → 令和元年度: a 年度 is named in the era of its first calendar year's end, as the
 * ministries name 2019 (令和元年度) although it began in 平成.
 */
export function fiscalYearWareki(year: FiscalYear): string {
  const era = eraOfDate(`${year}-12-31`);
  return era ? `${eraYearText(era, Number(year))}度` : `${year}年度`;
}
