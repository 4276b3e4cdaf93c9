import { a1 } from '../domain/values/cell';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { japanTimeText } from '../domain/values/times';
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, type SheetPatch } from './normalize-plan';
import { applyChanges, OPERATIONS } from './normalize-job';
import type { WorkbookPort } from './port';
import { planSettingsSave, type SettingKey, SETTINGS_HEADER, type SettingsForm, settingsForm } from './settings-form';

export type SettingsSaveResult =
  | { readonly ok: true; readonly message: string; readonly form: SettingsForm }
  | { readonly ok: false; readonly message: string; readonly errors: Partial<Record<SettingKey, string>>; readonly form?: SettingsForm };

function texts(input: unknown): Partial<Record<SettingKey, string>> {
  const out: Partial<Record<SettingKey, string>> = {};
  if (typeof input !== 'object' || input === null) return out;
  for (const [key, value] of Object.entries(input)) if (typeof value === 'string') out[key as SettingKey] = value;
  return out;
}

/**
 * The sidebar's 保存: every field is validated as readSettings would read it (errors per field, nothing
 * written); a row changed in the sheet since the form was loaded stops the save; then only the values
 * that changed are written, as text, and recorded in _変更履歴.
 */
export function saveSettings(port: WorkbookPort, values: unknown, loaded: unknown, now: Date = new Date()): SettingsSaveResult {
  const raw = port.readSheet(SETTINGS_SHEET);
  const plan = planSettingsSave(raw, texts(values), texts(loaded));
  if (plan.kind === 'invalid') {
    return { ok: false, message: '入力に誤りがあります。赤字の項目を直してから保存してください。', errors: plan.errors };
  }
  if (plan.kind === 'conflict') {
    return {
      ok: false,
      message: `「${SETTINGS_SHEET}」シートの ${plan.labels.join('、')} が、この画面を開いた後に変更されていました。最新の内容を読み込み直したので、確かめてから保存してください。`,
      errors: {},
      form: settingsForm(raw, port.name),
    };
  }
  if (plan.changed.length === 0) return { ok: true, message: '変更はありませんでした。', form: settingsForm(raw, port.name) };
  const changes: SheetPatch[] = plan.patches.map((p) => ({ ...p, sheet: SETTINGS_SHEET, cell: a1(p.row, p.column) }));
  const { skipped } = applyChanges(port, changes, OPERATIONS.settings, now);
  if (plan.append.length > 0) {
    // A missing sheet is created with its header in row 1; a blank one gets the header first.
    const blank = raw === undefined || raw.rows.length === 0;
    const last = raw?.rows[raw.rows.length - 1]?.rowNumber ?? 1;
    port.appendRows(SETTINGS_SHEET, SETTINGS_HEADER, raw !== undefined && blank ? [[...SETTINGS_HEADER], ...plan.append] : plan.append);
    const appended = plan.append.map(([, value], i) => ({ sheet: SETTINGS_SHEET, cell: a1(last + 1 + i, 2), before: null, after: value ?? '' }));
    port.appendRows(CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, changeLogRows(appended, japanTimeText(now), OPERATIONS.settings));
  }
  const form = settingsForm(port.readSheet(SETTINGS_SHEET), port.name);
  if (skipped.length > 0)
    return {
      ok: false,
      message: 'ほかの人が同時に設定を変更したため、一部を保存できませんでした。内容を確かめて、もう一度保存してください。',
      errors: {},
      form,
    };
  return { ok: true, message: `保存しました（${plan.changed.join('、')}）。次のチェックと月報から使われます。`, form };
}
