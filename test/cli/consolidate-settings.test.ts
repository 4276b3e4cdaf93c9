import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidateFiles } from '../../src/cli/consolidate-command';
import { reportFile } from '../../src/cli/report-command';
import { openXlsx } from '../../src/cli/xlsx-port';
import { runConsolidation } from '../../src/workbook/city-job';
import { readSubmissionStore } from '../../src/workbook/submission-target';
import { openSubmissionFile } from '../../src/cli/submission-file';
import { consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, JAM, TOMATO } from '../helpers/center';
import { writeBook } from './xlsx-files';

/**
 * The CLI's consolidate is the add-on's job: the city's 設定 (集中の警告しきい値, 市区町村名, 所在の順) in OUT is
 * honoured as the city's spreadsheet honours it, with no threshold of the CLI's own.
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-city-settings-'));
const NOW = new Date('2026-11-23T01:00:00Z');

/** One center: トマト村 5 delegated cases (3 + 2), ジャム 3 (2 + 1): 5 of 8 is 62.5%, under 80%, over 60%. */
let submission = '';
beforeAll(async () => {
  const center = await writeBook(join(dir, 'center.xlsx'), [
    [
      '設定',
      [
        ['項目', '値'],
        ['センター名', '本庄西'],
        ['センターコード', '11211-01'],
        ['市区町村名', '本庄市'],
        // The center's own threshold: no warning of its own, so only the city's can appear.
        ['集中の警告しきい値', '100%'],
      ],
    ],
    ['相談記録', [CONSULTATION_HEADER, ...consultations(3)]],
    ['委託契約', [CONTRACT_HEADER, contract(), contract({ 事業所番号: JAM, 事業所名: 'ジャム', 法人名: '株式会社ジャム', 所在地: '深谷市仲町11-1' })]],
    [
      '委託実績',
      [
        DELEGATION_HEADER,
        delegation({ 事業所番号: TOMATO, 介護予防支援件数: 3, 介護予防ケアマネジメント件数: 2, うち新規: 0 }),
        delegation({ 事業所番号: JAM, 介護予防支援件数: 2, 介護予防ケアマネジメント件数: 1, うち新規: 0 }),
      ],
    ],
  ]);
  submission = (await reportFile(center, { month: '2026-10', outputDir: dir, now: NOW, today: '2026-11-23' })).output;
});

const cityWarnings = (warnings: readonly { kind: string; message: string }[]): string[] =>
  warnings.filter((w) => w.kind === 'office-concentration').map((w) => w.message);
const WARNING_AT_60 = '市全体の委託 8 件のうち 5 件（62.5%）が「トマト村」に集中しています（しきい値 60%）。';

describe('consolidate reads the city 設定 of OUT, as the add-on does', () => {
  test('no 設定: the default 80%, so 62.5% is no warning', async () => {
    const { consolidation } = await consolidateFiles([submission], { month: '2026-10', output: join(dir, 'city-default.xlsx'), now: NOW });
    expect(consolidation.centers.map((c) => c.status)).toEqual(['submitted']);
    expect(cityWarnings(consolidation.warnings)).toEqual([]);
  });

  test('設定 says 60%: the same warning as the add-on gives over the same workbook', async () => {
    const settingsRows = [
      ['項目', '値'],
      ['集中の警告しきい値', '60%'],
    ];
    const out = await writeBook(join(dir, 'city-60.xlsx'), [['設定', settingsRows]]);
    const cli = await consolidateFiles([submission], { month: '2026-10', output: out, now: NOW });
    expect(cityWarnings(cli.consolidation.warnings)).toEqual([WARNING_AT_60]);

    // The add-on's 「各センターの月報を集計…」 over a city workbook with the same 設定 and the file listed.
    const city = await openXlsx(
      await writeBook(join(dir, 'city-addon.xlsx'), [
        ['設定', settingsRows],
        [
          'センター一覧',
          [
            ['センター名', '提出用ファイル'],
            ['本庄西', submission],
          ],
        ],
      ]),
    );
    const file = await openSubmissionFile(submission, { create: false });
    const addOn = runConsolidation(city, { month: '2026-10', now: NOW, shouldStop: () => false, readCenter: () => readSubmissionStore(file) });
    expect(addOn.kind === 'done' ? cityWarnings(addOn.consolidation.warnings) : addOn.kind).toEqual([WARNING_AT_60]);
  });

  test('--city and --order still choose the place over 設定; the threshold stays 設定’s', async () => {
    const out = await writeBook(join(dir, 'city-place.xlsx'), [
      [
        '設定',
        [
          ['項目', '値'],
          ['市区町村名', '深谷市'],
          ['集中の警告しきい値', '60%'],
        ],
      ],
    ]);
    const offices = (c: Awaited<ReturnType<typeof consolidateFiles>>) => c.consolidation.offices.map((o) => [o.municipality, o.name]);
    // The city's own group comes first: 設定 names 深谷市, --city 本庄市.
    const fromSettings = await consolidateFiles([submission], { month: '2026-10', output: out, now: NOW });
    expect(offices(fromSettings)).toEqual([
      ['深谷市', 'ジャム'],
      ['本庄市', 'トマト村'],
    ]);
    const chosen = await consolidateFiles([submission], { month: '2026-10', output: out, city: '本庄市', now: NOW });
    expect(offices(chosen)).toEqual([
      ['本庄市', 'トマト村'],
      ['深谷市', 'ジャム'],
    ]);
    expect(cityWarnings(chosen.consolidation.warnings)).toEqual([WARNING_AT_60]);
  });
});
