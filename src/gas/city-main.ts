/**
 * The city's Apps Script entry (a project of its own: it needs the `spreadsheets` scope to open the
 * centers' files, which no center should grant). Every export becomes a top-level function in
 * build-city/Code.js.
 */
import { cityConsolidateStep, type CityRequest, consolidateFromMenu, continueConsolidation, evaluateFromMenu, prepareCitySheets } from './city';
import { alertingErrors } from './errors';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('市の集計シートを準備', 'menuCityPrepare')
    .addItem('各センターの月報を集計…', 'menuCityConsolidate')
    .addItem('事業評価を集計…', 'menuCityEvaluate')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function menuCityPrepare(): void {
  alertingErrors(() => {
    const created = prepareCitySheets();
    SpreadsheetApp.getUi().alert(
      created.length
        ? `「${created.join('」「')}」を作りました。センター名とスプレッドシートの URL を入力してください。`
        : '必要なシートはもうあります。何も変えていません。',
    );
  });
}

export function menuCityConsolidate(): void {
  alertingErrors(() => consolidateFromMenu());
}

export function menuCityEvaluate(): void {
  alertingErrors(() => evaluateFromMenu());
}

/** The time-driven trigger set when a run had to stop before the 6-minute limit. */
export function cityContinue(): void {
  try {
    continueConsolidation();
  } catch (error) {
    console.error(error);
  }
}

/** One step of a consolidation, for a sidebar or a test: the same code the menu and the trigger run. */
export function cityStep(request: CityRequest): ReturnType<typeof cityConsolidateStep> {
  return cityConsolidateStep(request);
}
