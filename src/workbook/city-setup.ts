import { CITY_SETTING_KEYS, settingLabel } from '../domain/sheets/city-settings';
import { NATIONAL_SHEET, nationalTemplate } from '../domain/sheets/national-averages';
import { defaultSettings, SETTINGS_SHEET } from '../domain/sheets/settings';
import { CENTER_LIST_COLUMNS, CENTER_LIST_SHEET } from './city-job';
import { SETTINGS_HEADER, settingText } from './settings-form';

/** A sheet the city fills in, as 「市の集計シートを準備」 creates it: its header (and 項目) rows. */
export interface CitySheetTemplate {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

/** センター一覧, 設定 (the items the consolidation reads, with their defaults) and 全国平均. */
export function citySheetTemplates(): CitySheetTemplate[] {
  const defaults = defaultSettings('');
  return [
    { name: CENTER_LIST_SHEET, rows: [CENTER_LIST_COLUMNS.map((c) => c.header)] },
    { name: SETTINGS_SHEET, rows: [[...SETTINGS_HEADER], ...CITY_SETTING_KEYS.map((key) => [settingLabel(key), settingText(key, defaults)])] },
    { name: NATIONAL_SHEET, rows: nationalTemplate() },
  ];
}
