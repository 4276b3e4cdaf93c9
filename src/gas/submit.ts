import { cellText } from '../domain/values/cell';
import { formatMonthJa } from '../domain/values/months';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { readRecipients, recipientsProblem, spreadsheetIdOf, submissionFileTitle } from '../domain/reports/submission-file';
import { SUBMISSIONS_SHEET } from '../domain/reports/submission-store';
import type { WorkbookPort } from '../workbook/port';
import { composeReport, submitReport } from '../workbook/report-job';
import { SETTINGS_HEADER, settingRows, settingUpdate } from '../workbook/settings-form';
import { isServiceError } from './errors';
import { offerEvaluation } from './evaluation';
import { askMonth, activeReportMonth, UserFacingError, withDocumentLock } from './report';
import { sheetsPort } from './sheets-port';
import { createSpreadsheetFile, sheetsApiFile, spreadsheetUrl } from './submission-file';

/**
 * 「市へ提出」 on the center's side (SPEC §3): the payload and a readable 月報 go to the center's own
 * 提出用ファイル, a separate spreadsheet shared as reader with the city staff in 設定. The center's spreadsheet,
 * with 相談記録, is never shared and never opened by the city.
 */
export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';
/** Who made the 提出用ファイル (drive.file is granted per person: another staff member cannot open it). */
const CREATOR_KEY = 'houkatsu.submissionFile.creator';

type SubmissionTarget = ReturnType<typeof sheetsApiFile>;

/**
 * Asks for drive.file only now, when a person submits: staff who only type and check never see that consent.
 * Deliberately outside any try/catch: Apps Script ends the execution here and shows Google's consent prompt.
 */
export function requireSubmissionScope(): void {
  if (typeof ScriptApp.requireScopes === 'function') ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [DRIVE_FILE_SCOPE]);
}

function driveApi(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError(
      'Google Drive API（詳細サービス「Drive」v3）が有効になっていません。Apps Script エディタの「サービス」で Drive API を追加するか、README の手順で push し直してください。',
    );
  }
  return Drive;
}

export interface SubmissionPlan {
  /**
   * The port the plan read 設定 through, used again by the submission: the spreadsheet, its name, time zone
   * and sheets are looked up once for both (every lookup is a round trip). Data are read again under the lock.
   */
  readonly port: WorkbookPort;
  readonly month: string;
  readonly recipients: string[];
  /** The 提出用ファイル's URL in 設定, '' before the first submission. */
  readonly fileUrl: string;
}

/**
 * What can be checked before anything is created or shared: the month, and 設定's 提出先メールアドレス. A
 * missing or malformed address is a message here, never half a submission.
 */
export function planSubmission(now: Date): SubmissionPlan | undefined {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const month = activeReportMonth(spreadsheet) ?? askMonth('市へ提出', now);
  if (month === undefined) return undefined;
  const port = sheetsPort(spreadsheet);
  const rows = settingRows(port.readSheet(SETTINGS_SHEET));
  const recipients = readRecipients(cellText(rows.get('submissionRecipients')?.value ?? null));
  const problem = recipientsProblem(recipients);
  if (problem) throw new UserFacingError(problem);
  return { port, month, recipients: recipients.addresses, fileUrl: cellText(rows.get('submissionFileUrl')?.value ?? null).trim() };
}

/**
 * Whether the file's own check failed in Drive: it answers 404 for a file this person's add-on may not see
 * (drive.file) and 403 where access was taken away, in the account's language. Told by the call that failed
 * (Drive.Files.get on this id threw a service error), not by its wording; our own errors go on up.
 */
function isUnreachable(error: unknown): boolean {
  return isServiceError(error);
}

/** Writes one setting's value, only that cell (or a new row when the setting has none). */
function writeSetting(port: WorkbookPort, key: 'submissionFileUrl', text: string): void {
  const update = settingUpdate(port.readSheet(SETTINGS_SHEET), key, text);
  if (update.patches.length) port.patchCells(SETTINGS_SHEET, update.patches);
  if (update.append.length) port.appendRows(SETTINGS_SHEET, SETTINGS_HEADER, update.append);
}

function creatorOf(fileId: string): string {
  const stored = PropertiesService.getDocumentProperties().getProperty(CREATOR_KEY);
  if (!stored) return '';
  const creator = JSON.parse(stored) as { fileId?: string; name?: string; email?: string };
  return creator.fileId === fileId ? [creator.name, creator.email && `（${creator.email}）`].filter(Boolean).join('') : '';
}

/** Asks whether to make a new 提出用ファイル after the old one could not be used; false stops the submission. */
function offerNewFile(reason: string): boolean {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    '市へ提出',
    `${reason}\n\n新しい提出用ファイルを作って提出しますか？（作った場合は、新しいファイルの URL を市の担当者に知らせてください。古いファイルは市の「センター一覧」から外してもらいます）`,
    ui.ButtonSet.YES_NO,
  );
  return answer === ui.Button.YES;
}

/**
 * The center's 提出用ファイル: the one in 設定 when this person's add-on can reach it, else — only after the
 * person said yes — a new one. Never a second file silently.
 */
function resolveFile(plan: SubmissionPlan, centerName: string): { file: SubmissionTarget; created: boolean } | undefined {
  if (plan.fileUrl !== '') {
    // Not an id at all: asked for as one, it is not found, and is told as a file this person cannot open.
    const id = spreadsheetIdOf(plan.fileUrl) ?? plan.fileUrl.trim();
    let trashed = false;
    try {
      trashed = driveApi().Files.get(id, { fields: 'id,trashed' }).trashed === true;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const creator = creatorOf(id);
      const reason =
        `「設定」の提出用ファイル（${plan.fileUrl}）を開けません。削除されたか、ほかの職員${creator ? `（${creator}）` : ''}が作ったファイルです。` +
        'このアドオンは、使っている人が自分で作ったファイルにしか触れません（Google ドライブの権限「drive.file」）。' +
        `ほかの職員が作ったファイルなら、「いいえ」を選び、その方に「市へ提出」をしてもらうか、その方から「${submissionFileTitle(centerName)}」を編集者として共有してもらってください。` +
        '一時的な障害で開けなかっただけのこともあります。そう思われるときも「いいえ」を選び、時間をおいてもう一度実行してください。';
      if (!offerNewFile(reason)) return undefined;
      return { file: createFile(centerName), created: true };
    }
    if (trashed) {
      const reason = `提出用ファイル（${plan.fileUrl}）はごみ箱にあります。Google ドライブのごみ箱から戻せば、そのまま使えます（その場合は「いいえ」を選び、戻してからもう一度実行してください）。`;
      if (!offerNewFile(reason)) return undefined;
      return { file: createFile(centerName), created: true };
    }
    return { file: sheetsApiFile(id), created: false };
  }
  return { file: createFile(centerName), created: true };
}

function createFile(centerName: string): SubmissionTarget {
  return createSpreadsheetFile(submissionFileTitle(centerName), SUBMISSIONS_SHEET);
}

/**
 * Shares the file as reader with every address in 設定 that does not have access yet (one list, then one
 * request per new address). Addresses taken off 設定 keep their access: removing a reader is a decision
 * for a person, in Drive's 共有 dialog; the closing message names them.
 */
function share(
  fileId: string,
  recipients: readonly string[],
  centerName: string,
): { added: string[]; extra: string[]; owner?: { name: string; email: string } } {
  const drive = driveApi();
  const permissions = drive.Permissions.list(fileId, { fields: 'permissions(id,type,role,emailAddress,displayName)' }).permissions ?? [];
  const have = new Set(permissions.map((p) => (p.emailAddress ?? '').toLowerCase()));
  const added: string[] = [];
  for (const address of recipients) {
    if (have.has(address)) continue;
    drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: address }, fileId, {
      sendNotificationEmail: true,
      emailMessage: `${centerName}の提出用ファイルです（月報と事業評価の提出データ。個人情報は含みません）。`,
    });
    added.push(address);
  }
  const wanted = new Set(recipients);
  const extra = permissions
    .filter((p) => p.role !== 'owner' && p.type === 'user' && p.emailAddress && !wanted.has(p.emailAddress.toLowerCase()))
    .map((p) => p.emailAddress as string);
  const owner = permissions.find((p) => p.role === 'owner');
  return { added, extra, ...(owner ? { owner: { name: owner.displayName ?? '', email: owner.emailAddress ?? '' } } : {}) };
}

/** 「市へ提出」, after planSubmission and the consent to drive.file. */
export function submitToCity(plan: SubmissionPlan, now: Date = new Date()): void {
  const ui = SpreadsheetApp.getUi();
  const { port } = plan;
  withDocumentLock(() => {
    const built = composeReport(port, plan.month, now, now);
    const { report } = built;
    if (report.quality.errors > 0) {
      const answer = ui.alert(
        '市へ提出',
        `${formatMonthJa(plan.month)}の行にエラーが ${report.quality.errors} 件残っています。このまま提出しますか？\n（「いいえ」を選び、「入力チェック」で直してから提出することをおすすめします）`,
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) return;
    }
    const centerName = report.center.name;
    const resolved = resolveFile(plan, centerName);
    if (!resolved) return;
    const { file } = resolved;
    if (resolved.created) {
      // Recorded at once, before anything else can fail: the next submission finds this file, never makes another.
      writeSetting(port, 'submissionFileUrl', file.location);
    }
    const result = submitReport(port, file, plan.month, now, built);
    const shared = share(file.id, plan.recipients, centerName);
    if (resolved.created && shared.owner) {
      PropertiesService.getDocumentProperties().setProperty(CREATOR_KEY, JSON.stringify({ fileId: file.id, ...shared.owner }));
    }
    const lines = [
      `${formatMonthJa(plan.month)}の月報を提出しました${result.resubmitted ? '（前回の提出は履歴に残しました）' : ''}。`,
      '',
      `提出用ファイル${resolved.created ? '（新しく作りました）' : ''}:`,
      spreadsheetUrl(file.id),
      '',
      `共有（閲覧者）: ${plan.recipients.join('、')}${shared.added.length ? `（今回 ${shared.added.join('、')} に共有し、通知メールを送りました）` : ''}`,
      ...(shared.extra.length ? [`設定にない閲覧者: ${shared.extra.join('、')}（外す場合は、ファイルの「共有」から外してください）`] : []),
      ...(result.migrated
        ? [`このスプレッドシートにあった「${SUBMISSIONS_SHEET}」の ${result.migrated} 行（履歴を含む）を提出用ファイルに移し、元のシートは削除しました。`]
        : []),
      '',
      'このスプレッドシート（相談記録）は共有しないでください。市に渡すのは上の URL だけです。',
      `指紋: ${result.submission.fingerprint.slice(0, 16)}…`,
    ];
    ui.alert('市へ提出', lines.join('\n'), ui.ButtonSet.OK);
    offerEvaluation(port, file, built.reading, now);
  });
}
