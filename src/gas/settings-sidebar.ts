import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { settingsForm, type SettingsForm } from '../workbook/settings-form';
import { saveSettings, type SettingsSaveResult } from '../workbook/settings-job';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

export type { SettingsSaveResult } from '../workbook/settings-job';

export function loadSettingsForm(): SettingsForm {
  const port = sheetsPort(SpreadsheetApp.getActiveSpreadsheet());
  return settingsForm(port.readSheet(SETTINGS_SHEET), port.name);
}

export function showSettingsSidebar(form: SettingsForm): void {
  SpreadsheetApp.getUi().showSidebar(htmlWithData('settings-sidebar', form).setTitle('設定'));
}

/** The sidebar's 保存 (see saveSettings): only the values that changed are written, and logged in _変更履歴. */
export function saveSettingsForm(values: unknown, loaded: unknown): SettingsSaveResult {
  return saveSettings(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), values, loaded);
}
