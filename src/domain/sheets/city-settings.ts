import { type Settings, SETTING_ITEMS } from './settings';

/**
 * The city's 設定: the items of a center's 設定 that the consolidation reads (the city's own workbook is read
 * by readSettings like a center's), in the order 「市の集計シートを準備」 writes them.
 */
export const CITY_SETTING_KEYS = [
  'prefecture',
  'municipality',
  'outsideTowns',
  'municipalityOrder',
  'concentrationThreshold',
] as const satisfies readonly (keyof Settings)[];

/** The 項目 of a setting as 設定 names it (what a message tells a person to fill in). */
export function settingLabel(key: keyof Settings): string {
  return SETTING_ITEMS.find((item) => item.key === key)?.label ?? key;
}
