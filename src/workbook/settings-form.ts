import { cellText } from '../domain/values/cell';
import {
  defaultSettings,
  type SettingCell,
  settingCells,
  type SettingKey,
  type Settings,
  SETTING_ITEMS,
  SettingsSchema,
  SETTINGS_SHEET,
} from '../domain/sheets/settings';
import type { RawSheet } from '../domain/sheets/table';
import type { CellPatch } from './port';

/**
 * The 設定 sheet as a form: what 「シートを準備」 writes into it and what the 設定 sidebar shows, validates
 * and saves. The rules themselves (what a value may be) are SETTING_ITEMS and SettingsSchema, read here
 * exactly as readSettings reads them.
 */
export type { SettingKey };

export const SETTINGS_HEADER = ['項目', '値'] as const;

/** A setting as text, the way a person would type it into the sheet (80%, 上里町、美里町). */
export function settingText(key: SettingKey, settings: Settings): string {
  const value = settings[key];
  if (Array.isArray(value)) return value.join('、');
  if (key === 'concentrationThreshold') return `${Math.round(Number(value) * 1000) / 10}%`;
  return String(value);
}

/** The value cell of each setting in the 設定 sheet, where readSettings reads it (settingCells: down or across). */
export function settingRows(sheet: RawSheet | undefined): Map<SettingKey, SettingCell> {
  return settingCells(sheet).cells;
}

/** The rows 「シートを準備」 writes for settings the sheet lacks: 項目 and the default as text. */
export function missingSettingRows(sheet: RawSheet | undefined, spreadsheetName: string): string[][] {
  const present = settingRows(sheet);
  const defaults = defaultSettings(spreadsheetName);
  return SETTING_ITEMS.filter((item) => !present.has(item.key)).map((item) => [item.label, settingText(item.key, defaults)]);
}

export interface SettingField {
  readonly key: SettingKey;
  readonly label: string;
  /** The text in the sheet ('' when the row or value is missing: the default applies). */
  readonly value: string;
  /** The default, shown as a placeholder. */
  readonly placeholder: string;
  readonly expected: string;
  readonly multiline: boolean;
  /** Why the value in the sheet cannot be used, when it cannot. */
  readonly error?: string;
}

export interface SettingsForm {
  readonly sheet: string;
  readonly sheetExists: boolean;
  readonly fields: SettingField[];
}

/** Why a typed value cannot be used, in Japanese, or undefined when it can ('' means the default). */
export function settingError(key: SettingKey, text: string): string | undefined {
  const item = SETTING_ITEMS.find((i) => i.key === key);
  if (!item || text.trim() === '') return undefined;
  const parsed = SettingsSchema.shape[key].safeParse(item.read(text.trim()));
  return parsed.success ? undefined : `「${text.trim()}」は使えません。${item.expected}を入力してください。`;
}

export function settingsForm(sheet: RawSheet | undefined, spreadsheetName: string): SettingsForm {
  const rows = settingRows(sheet);
  const defaults = defaultSettings(spreadsheetName);
  const fields = SETTING_ITEMS.map((item): SettingField => {
    const value = cellText(rows.get(item.key)?.value ?? null);
    const error = settingError(item.key, value);
    // A list (市外の町村, 相談内容…) gets a box of several lines.
    const multiline = Array.isArray(defaults[item.key]);
    const field = { key: item.key, label: item.label, value, placeholder: settingText(item.key, defaults), expected: item.expected, multiline };
    return error === undefined ? field : { ...field, error };
  });
  return { sheet: SETTINGS_SHEET, sheetExists: sheet !== undefined, fields };
}

export type SettingsSave =
  | { readonly kind: 'invalid'; readonly errors: Partial<Record<SettingKey, string>> }
  | { readonly kind: 'conflict'; readonly labels: string[] }
  | { readonly kind: 'ok'; readonly patches: CellPatch[]; readonly append: string[][]; readonly changed: string[] };

/**
 * What saving the form means for the sheet: every value valid (else the errors by field), nobody having
 * changed a row since the form was loaded (else which), then the cells to rewrite and the rows to append.
 * Only settings whose text changed are written.
 */
export function planSettingsSave(
  sheet: RawSheet | undefined,
  values: Readonly<Partial<Record<SettingKey, string>>>,
  loaded: Readonly<Partial<Record<SettingKey, string>>>,
): SettingsSave {
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const item of SETTING_ITEMS) {
    const error = settingError(item.key, values[item.key] ?? '');
    if (error !== undefined) errors[item.key] = error;
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const rows = settingRows(sheet);
  const conflicts: string[] = [];
  const patches: CellPatch[] = [];
  const append: string[][] = [];
  const changed: string[] = [];
  for (const item of SETTING_ITEMS) {
    const next = (values[item.key] ?? '').trim();
    const found = rows.get(item.key);
    const now = cellText(found?.value ?? null);
    if (now !== (loaded[item.key] ?? '')) conflicts.push(item.label);
    if (next === now) continue;
    changed.push(item.label);
    if (found) patches.push({ row: found.row, column: found.column, before: found.value, after: next === '' ? null : next });
    else append.push([item.label, next]);
  }
  if (conflicts.length > 0) return { kind: 'conflict', labels: conflicts };
  return { kind: 'ok', patches, append, changed };
}

/** One setting written by the add-on itself (the 提出用ファイル's URL): its cell only, or a new row. */
export function settingUpdate(sheet: RawSheet | undefined, key: SettingKey, text: string): { patches: CellPatch[]; append: string[][] } {
  const found = settingRows(sheet).get(key);
  const label = SETTING_ITEMS.find((i) => i.key === key)?.label ?? key;
  if (!found) return { patches: [], append: [[label, text]] };
  if (cellText(found.value) === text) return { patches: [], append: [] };
  return { patches: [{ row: found.row, column: found.column, before: found.value, after: text === '' ? null : text }], append: [] };
}
