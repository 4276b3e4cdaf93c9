import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { sampleNationalSheet } from '../../src/sample/evaluation';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('houkatsu evaluate', () => {
  test('the city part on .xlsx: rates by category per center, the city, the national average and the reasons for いいえ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'houkatsu-eval-'));
    const files: string[] = [];
    for (const center of HONJO_CENTERS) {
      const file = join(dir, `${center.name}.xlsx`);
      await writeWorkbook(file, sampleCenterWorkbook(center, 3).sheets);
      files.push(file);
    }
    const national = join(dir, '全国平均.xlsx');
    await writeWorkbook(national, [sampleNationalSheet()]);
    const r = spawnSync(process.execPath, [CLI, 'evaluate', '--year', '令和2年度', ...files, '--national', national, '--json', '-o', join(dir, 'out.xlsx')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { year: string; categories: string[]; centers: { name: string; status: string; rates: Record<string, number> }[]; city: Record<string, number>; national: Record<string, number>; no: { center: string; note: string }[] };
    expect(doc.year).toBe('2020');
    expect(doc.categories[0]).toBe('組織運営体制等');
    expect(doc.centers.find((c) => c.name === '児玉')?.rates['組織運営体制等']).toBeCloseTo(2 / 3);
    expect(doc.city['組織運営体制等']).toBeCloseTo(11 / 12);
    expect(doc.national['組織運営体制等']).toBe(0.86);
    expect(doc.no.map((n) => n.center).sort()).toEqual(['児玉', '本庄南']);
    const bad = spawnSync(process.execPath, [CLI, 'evaluate', ...files], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('年度');
  });
});
