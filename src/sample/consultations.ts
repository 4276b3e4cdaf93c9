import type { CellValue } from '../domain/values/cell';
import { CONSULTATION_COLUMNS } from '../domain/sheets/consultations';
import { addDays, eraOfDate, eraYear, toWareki } from '../domain/values/dates';
import { firstDay, lastDay, type YearMonth } from '../domain/values/months';
import type { IssueCode } from '../domain/issues/issue';
import type { Random } from './random';
import type { PlantedMess } from './sheet';
import { toFullWidth } from './typing';

const METHOD = [
  ['電話', 55],
  ['来所', 20],
  ['訪問', 18],
  ['メール・FAX', 4],
  ['その他', 3],
] as const;
const REQUESTER = [
  ['本人', 34],
  ['家族・親族', 34],
  ['介護支援専門員', 10],
  ['民生委員', 6],
  ['医療機関', 6],
  ['近隣・知人', 3],
  ['行政', 3],
  ['その他関係機関', 3],
  ['その他', 1],
] as const;
const AREA = [
  ['総合相談支援', 72],
  ['介護予防ケアマネジメント', 13],
  ['包括的・継続的ケアマネジメント支援', 10],
  ['権利擁護', 5],
] as const;
const GENERAL_TOPIC = [
  ['介護保険サービス', 30],
  ['介護予防・健康づくり', 12],
  ['認知症', 14],
  ['医療・入退院', 10],
  ['住まい', 5],
  ['生活困窮・経済', 6],
  ['家族・介護負担', 12],
  ['障害・精神', 3],
  ['その他', 8],
] as const;
const RIGHTS_TOPIC = [
  ['虐待', 45],
  ['成年後見・金銭管理', 40],
  ['消費者被害', 15],
] as const;
const PROFESSION = [
  ['社会福祉士等', 34],
  ['保健師等', 30],
  ['主任介護支援専門員等', 26],
  ['認知症地域支援推進員', 4],
  ['生活支援コーディネーター', 3],
  ['事務・その他', 3],
] as const;
const ACTION = [
  ['情報提供・助言', 40],
  ['サービス調整', 20],
  ['関係機関へつなぎ', 14],
  ['訪問・実態把握', 12],
  ['継続支援', 12],
  ['その他', 2],
] as const;
const SURNAMES = ['田中', '鈴木', '高橋', '佐藤', '渡辺', '伊藤', '山本', '中村', '小林', '加藤', '吉田', '山田', '松本', '井上', '木村', '清水'];
const GIVEN = ['ハナ', 'トメ', 'キヨ', 'フミ', 'マサ', 'シズ', '一郎', '正雄', '茂', '清', '勝', '和子', '幸子', '節子', '弘', '実'];
const MEMOS = [
  'デイサービスの利用について相談',
  '物忘れが増えたと家族より',
  '退院後の生活について',
  '住宅改修の相談',
  '介護負担の訴えあり',
  '通いの場を紹介',
  '要支援認定の申請支援',
];

/** The sample's offices for referrals (public business data from the Honjo handout's 資料3). */
const REFERRAL_OFFICES = ['あずみ苑本庄', 'トマト村', 'しゃくなげケアプラン', 'ケアプランセンタージャム', '在宅介護本庄', 'かみさと居宅介護支援事業所'];

export interface ConsultationSampleOptions {
  readonly random: Random;
  readonly months: readonly YearMonth[];
  /** About this many consultations a month. */
  readonly perMonth: number;
  /** Prefix of 相談者ID, so two centers never share a person. */
  readonly idPrefix: string;
  /** Staff who handle the consultations (pseudonyms). */
  readonly staff: readonly string[];
}

function isoRange(ym: YearMonth): [string, number] {
  const first = firstDay(ym);
  const days = Number(lastDay(ym).slice(8, 10));
  return [first, days];
}

/**
 * 相談記録 rows as office staff keep them: plausible proportions, people who come back, 虐待 reported to
 * the city on the day or the next. Dates are real date cells. No mess here: see plantConsultationMess.
 */
export function sampleConsultations(opts: ConsultationSampleOptions): CellValue[][] {
  const { random: rnd } = opts;
  const header = CONSULTATION_COLUMNS.map((c) => c.header);
  const rows: CellValue[][] = [header];
  const people: string[] = [];
  let nextPerson = 1;
  for (const ym of opts.months) {
    const [first, days] = isoRange(ym);
    const count = Math.round(opts.perMonth * (0.85 + rnd.next() * 0.3));
    const dates = Array.from({ length: count }, () => addDays(first, rnd.int(0, days - 1))).sort();
    for (const receivedOn of dates) {
      const returning = people.length > 20 && rnd.chance(0.55);
      const personId = returning ? rnd.pick(people) : `${opts.idPrefix}-${String(nextPerson++).padStart(4, '0')}`;
      if (!returning) people.push(personId);
      const area = rnd.weighted(AREA);
      const topic = area === '権利擁護' ? rnd.weighted(RIGHTS_TOPIC) : rnd.weighted(GENERAL_TOPIC);
      const referred = area !== '権利擁護' && rnd.chance(0.08) ? rnd.pick(REFERRAL_OFFICES) : '';
      const reportedOn = topic === '虐待' ? { kind: 'date' as const, iso: addDays(receivedOn, rnd.chance(0.7) ? 0 : 1) } : null;
      rows.push([
        { kind: 'date', iso: receivedOn },
        personId,
        returning ? '継続' : '新規',
        rnd.weighted(METHOD),
        rnd.weighted(REQUESTER),
        area,
        topic,
        topic === '認知症' || rnd.chance(0.08),
        rnd.chance(0.05),
        rnd.weighted(PROFESSION),
        rnd.weighted(ACTION),
        referred,
        referred ? '本人・家族に複数の事業所を示し、本人が選んだ' : '',
        reportedOn,
        rnd.pick(opts.staff),
        `${rnd.pick(SURNAMES)} ${rnd.pick(GIVEN)}`,
        rnd.pick(MEMOS),
      ]);
    }
  }
  return rows;
}

/** The index of a header in the sample rows. */
function col(header: string): number {
  return CONSULTATION_COLUMNS.findIndex((c) => c.header === header);
}

/**
 * Puts in the mess real people type — a few of each kind, not a flood — and returns where each one is
 * and which code the check must report. Also adds what the check must tolerate and not report: a title row
 * above the header, blank rows and a column of the office's own.
 */
export function plantConsultationMess(sheet: string, rows: CellValue[][], rnd: Random): { rows: CellValue[][]; planted: PlantedMess[] } {
  const out = rows.map((r) => r.slice());
  const planted: { index: number; header: string; code: IssueCode }[] = [];
  const used = new Set<number>();
  const pickRow = (ok: (row: CellValue[]) => boolean = () => true): number => {
    for (let tries = 0; tries < 10000; tries++) {
      const i = rnd.int(1, out.length - 1);
      const row = out[i];
      if (row && !used.has(i) && ok(row)) {
        used.add(i);
        return i;
      }
    }
    throw new Error('no row left to plant a mess in');
  };
  const set = (i: number, header: string, value: CellValue, code: IssueCode): void => {
    const row = out[i];
    if (!row) return;
    row[col(header)] = value;
    planted.push({ index: i, header, code });
  };
  const dateOf = (i: number): string => {
    const v = out[i]?.[col('受付日')];
    return v && typeof v === 'object' ? v.iso : '2020-10-01';
  };
  for (let k = 0; k < 2; k++) {
    const i = pickRow();
    set(i, '受付日', toWareki(dateOf(i)), 'DATE_NOTATION');
  }
  {
    const i = pickRow();
    set(i, '受付日', toFullWidth(dateOf(i).replace(/-/g, '/')), 'DATE_NOTATION');
  }
  {
    // 2月30日 in the era and year of the row's own date, as an abbreviation (R3.2.30): a day that does not exist.
    const i = pickRow();
    const iso = dateOf(i);
    const era = eraOfDate(iso);
    set(i, '受付日', era ? `${era.letter}${eraYear(era, Number(iso.slice(0, 4)))}.2.30` : `${iso.slice(0, 4)}/2/30`, 'DATE_INVALID');
  }
  {
    const i = pickRow((r) => r[col('相談方法')] === '電話');
    set(i, '相談方法', 'TEL', 'CHOICE_VARIANT');
    const j = pickRow((r) => r[col('相談方法')] === '電話');
    set(j, '相談方法', '電話相談', 'CHOICE_VARIANT');
    const k = pickRow((r) => r[col('相談者')] === '介護支援専門員');
    set(k, '相談者', 'ケアマネ', 'CHOICE_VARIANT');
  }
  {
    const i = pickRow();
    set(i, '相談者ID', ` ${String(out[i]?.[col('相談者ID')])} `, 'TEXT_SPACES');
    const j = pickRow();
    set(j, '相談者ID', toFullWidth(String(out[j]?.[col('相談者ID')]), /[A-Z0-9]/g), 'TEXT_WIDTH');
  }
  {
    const i = pickRow((r) => r[col('紹介事業所')] !== '');
    set(i, '紹介理由', '', 'REFERRAL_REASON_MISSING');
  }
  {
    const i = pickRow((r) => r[col('相談内容')] === '虐待');
    set(i, '市への報告日', { kind: 'date', iso: addDays(dateOf(i), 4) }, 'ABUSE_REPORT_LATE');
  }
  {
    const i = pickRow((r) => r[col('業務区分')] === '総合相談支援');
    set(i, '業務区分', '', 'REQUIRED');
  }
  // What the check must take in its stride, reporting nothing: an extra column, blank rows, a title row.
  const extra = out.map((r, i) => [...r, i === 0 ? '連絡先メモ（センター独自）' : i % 7 === 0 ? '折り返し希望' : '']);
  const withBlanks: CellValue[][] = [];
  const rowOf = new Map<number, number>();
  extra.forEach((r, i) => {
    rowOf.set(i, withBlanks.length);
    withBlanks.push(r);
    if (i > 0 && i % 250 === 0) withBlanks.push(r.map(() => null));
  });
  const title: CellValue[][] = [['相談記録（地域包括支援センター）'], []];
  const final = [...title, ...withBlanks];
  return {
    rows: final,
    planted: planted.map((p) => ({ sheet, row: title.length + (rowOf.get(p.index) ?? 0) + 1, header: p.header, code: p.code })),
  };
}
