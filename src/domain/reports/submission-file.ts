import { type StoredSubmission, CURRENT, HISTORY, SUBMISSIONS_SHEET } from './submission-store';
import { compareTimes } from '../values/times';

/**
 * The 提出用ファイル (SPEC §1, §3): the one file a center hands to the city. It holds the payloads
 * (`_提出データ`) and readable copies of the 月報 and 事業評価, nothing else. The center's own spreadsheet,
 * with 相談記録, is never shared; these rules are what keeps the two apart on both sides.
 */
export const SUBMISSION_FILE_PREFIX = '提出用_';

/** Sheets a 提出用ファイル may hold: the payloads and the readable reports. */
const ALLOWED_SHEET = /^(_提出データ|月報_.+|事業評価_.+)$/;

/** A Google file id: letters, digits, - and _. */
const FILE_ID = /^[A-Za-z0-9_-]{10,}$/;

/**
 * The spreadsheet a センター一覧 row or 設定 names: a Sheets or Drive URL as people copy it (…/d/<id>/edit#gid=0,
 * …/open?id=<id>), or the id itself; undefined when it is neither.
 */
export function spreadsheetIdOf(source: string): string | undefined {
  const text = source.trim();
  const id = /\/d\/([A-Za-z0-9_-]{10,})/.exec(text)?.[1] ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(text)?.[1] ?? text;
  return FILE_ID.test(id) ? id : undefined;
}

export function submissionFileTitle(centerName: string): string {
  return `${SUBMISSION_FILE_PREFIX}${centerName}`;
}

export function isSubmissionFileSheet(name: string): boolean {
  return ALLOWED_SHEET.test(name);
}

/** The sheets that have no place in a 提出用ファイル (a center ledger's 相談記録, 設定, …). */
export function foreignSheets(names: readonly string[]): string[] {
  return names.filter((n) => !isSubmissionFileSheet(n));
}

function listed(names: readonly string[]): string {
  const shown = names
    .slice(0, 4)
    .map((n) => `「${n}」`)
    .join('');
  return names.length > 4 ? `${shown}など ${names.length} 枚` : shown;
}

/**
 * Why the city will not read a file, or undefined when it is a 提出用ファイル. A center ledger is refused
 * whole, before any of its sheets is read: the city must never hold a row of 相談記録.
 */
export function refusalOf(names: readonly string[]): string | undefined {
  const foreign = foreignSheets(names);
  if (foreign.length === 0) return undefined;
  return (
    `提出用ファイルではありません（${listed(foreign)}のシートがあります）。センターの台帳そのものは読みません。` +
    `センターに「市へ提出」で作られる「${SUBMISSION_FILE_PREFIX}センター名」のファイルを渡してもらい、その URL（または .xlsx）を使ってください。`
  );
}

/** Why the center's submission will not be written into a file that already holds other sheets. */
export function targetRefusalOf(names: readonly string[], where: string): string | undefined {
  const foreign = foreignSheets(names);
  if (foreign.length === 0) return undefined;
  return (
    `${where}には${listed(foreign)}のシートがあるため、提出用ファイルとして使えません（市に渡すファイルには、` +
    `「${SUBMISSIONS_SHEET}」と「月報_…」「事業評価_…」のほかは入れられません）。センターの台帳とは別のファイルを指定してください。`
  );
}

// ----------------------------------------------------------------------------- 提出先メールアドレス

/**
 * A plausible e-mail address: the characters an address may hold (RFC 5322's atext and dots) before one @, and a
 * domain with a dot. No brackets, quotes or a `mailto:`, which Drive would refuse when it shares. Drive decides the rest.
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

export interface Recipients {
  readonly addresses: string[];
  readonly invalid: string[];
}

/** 設定's 提出先メールアドレス: several, separated by 、 or , (full-width forms and spaces tolerated). */
export function readRecipients(text: string): Recipients {
  const parts = text
    .normalize('NFKC')
    // As a mail program copies them: 本庄市 介護保険課 <kaigo@city.example.jp>, or a link's mailto:.
    .replace(/[^<>、,;\n]*<([^<>]*)>/g, ' $1 ')
    .replace(/mailto:/gi, ' ')
    .split(/[、,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const addresses = [...new Set(parts.filter(isEmailAddress).map((s) => s.toLowerCase()))];
  return { addresses, invalid: parts.filter((s) => !isEmailAddress(s)) };
}

/** What is wrong with the recipients, before anything is created or shared; undefined when they will do. */
export function recipientsProblem(recipients: Recipients): string | undefined {
  if (recipients.invalid.length > 0) {
    return `「設定」の「提出先メールアドレス」の「${recipients.invalid.join('」「')}」はメールアドレスとして読めません。市の担当者のアドレスを name@city.example.jp の形で、複数なら「、」か「,」で区切って入力してください。`;
  }
  if (recipients.addresses.length === 0) {
    return '「設定」の「提出先メールアドレス」が空です。提出用ファイルを共有する市の担当者のメールアドレスを入力してから、もう一度「市へ提出」を実行してください（複数なら「、」で区切ります）。';
  }
  return undefined;
}

// ------------------------------------------------------------------------------------- moving in

const sameSubmission = (a: StoredSubmission, b: StoredSubmission): boolean =>
  a.kind === b.kind && a.period === b.period && a.submittedAt === b.submittedAt && a.fingerprint === b.fingerprint && a.json === b.json;

/**
 * The rows of a center's old `_提出データ` (when it still lived in the center spreadsheet) added to what the
 * 提出用ファイル already holds: nothing is lost and nothing is doubled. For each (種類, 対象) the latest
 * submission stays 最新 and the others become 履歴, whichever file they came from.
 */
export function mergeStored(into: readonly StoredSubmission[], legacy: readonly StoredSubmission[]): StoredSubmission[] {
  const all = [...into];
  for (const s of legacy) if (!all.some((t) => sameSubmission(s, t))) all.push(s);
  const latest = new Map<string, StoredSubmission>();
  for (const s of all) {
    const key = `${s.kind}|${s.period}`;
    const seen = latest.get(key);
    // As instants: a row the center's old `_提出データ` wrote with `Z` and one written since with +09:00 (issue #18).
    const later = seen ? compareTimes(s.submittedAt, seen.submittedAt) : 1;
    if (later > 0 || (later === 0 && s.status === CURRENT && seen?.status !== CURRENT)) latest.set(key, s);
  }
  return all.map((s) => ({ ...s, status: latest.get(`${s.kind}|${s.period}`) === s ? CURRENT : HISTORY }));
}
