import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, sheetFromRows } from '../fakes/gas-globals';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { toSubmission } from '../../src/domain/reports/submission';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { storeRows } from './submissions';

const CITY_BUILD = join(__dirname, '..', '..', 'build-city');

/**
 * The city's spreadsheet with the built city add-on loaded: its センター一覧 lists `centers`, each with a 提出用ファイル
 * holding one 月報 of 2026-10 with nothing in it. For tests of how the city draws its sheets, not of what they hold.
 */
export function emptyCityWorld(centers: readonly string[]): { env: GasEnvironment; context: ReturnType<typeof loadBundle> } {
  const env = createGasEnvironment({ htmlDir: CITY_BUILD });
  const report = buildMonthlyReport({ settings: defaultSettings('センター'), month: '2026-10', consultations: [], contracts: [], delegations: [], issues: [] });
  const rows = storeRows([toSubmission(report, 'g', 's')]);
  const list: unknown[][] = [['センター名', '提出用ファイル']];
  for (const name of centers) {
    const file = env.addSpreadsheet({ sheetNames: ['_提出データ'] });
    sheetFromRows(file, '_提出データ', rows);
    list.push([name, file.id]);
  }
  sheetFromRows(env.spreadsheet, 'センター一覧', list);
  return { env, context: loadBundle(join(CITY_BUILD, 'Code.js'), env) };
}
