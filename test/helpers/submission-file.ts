import type { GasEnvironment } from '../fakes/gas-globals';
import type { FakeSpreadsheet } from '../fakes/spreadsheet';

/** The center's 提出用ファイル in the fake's Drive, as 設定 names it (its URL) after 「市へ提出」. */
export function submissionFileOf(env: GasEnvironment): FakeSpreadsheet {
  const url = String(
    env.spreadsheet
      .peekSheet('設定')
      .peekValues()
      .find((r) => r[0] === '提出用ファイル')?.[1] ?? '',
  );
  const file = env.registry.find(/\/d\/([^/]+)/.exec(url)?.[1] ?? '')?.spreadsheet;
  if (!file) throw new Error(`no 提出用ファイル at ${url}`);
  return file;
}
