/**
 * The city's Apps Script entry (a project of its own: it needs the `spreadsheets` scope to open the
 * centers' files, which no center should grant). Every export becomes a top-level function in
 * build-city/Code.js.
 */
import { cityConsolidateStep, type CityRequest, consolidateFromMenu, continueCityJob, evaluateFromMenu, prepareCitySheets } from './city';
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

// The time box of a run starts here, at its entry point: time spent in prompts counts toward its 6 minutes.

export function menuCityConsolidate(): void {
  const started = new Date();
  alertingErrors(() => consolidateFromMenu(started));
}

export function menuCityEvaluate(): void {
  const started = new Date();
  alertingErrors(() => evaluateFromMenu(started));
}

/** The time-driven trigger that carries a job on after a pause (or after Apps Script ended a run at 6 minutes). */
export function cityContinue(): void {
  const started = Date.now();
  try {
    continueCityJob(started);
  } catch (error) {
    // Nobody sees a trigger's failure but the execution log: the job waits for the next click.
    console.error(error);
  }
}

/** One step of a consolidation, for a sidebar or a test: the same code the menu and the trigger run. */
export function cityStep(request: CityRequest): ReturnType<typeof cityConsolidateStep> {
  return cityConsolidateStep(request, Date.now());
}
