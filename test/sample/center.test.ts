import { measureConcentration } from '../../src/domain/reports/concentration';
import { activeContracts, CONTRACTS_SHEET } from '../../src/domain/sheets/contracts';
import { CONSULTATIONS_SHEET } from '../../src/domain/sheets/consultations';
import { DELEGATIONS_SHEET } from '../../src/domain/sheets/delegations';
import { addMonths, monthOf, type YearMonth } from '../../src/domain/values/months';
import type { WorkbookReading } from '../../src/domain/sheets/workbook-check';
import { HONJO_CENTERS, SAMPLE_LAST_MONTH, sampleCenterWorkbook, type SampleWorkbook } from '../../src/sample/center';
import { HONJO_OFFICES } from '../../src/sample/honjo';
import { fixtureRecords } from './csv';
import { readSample } from './read-sample';

const SEED = 20210201;
const samples: SampleWorkbook[] = HONJO_CENTERS.map((c) => sampleCenterWorkbook(c, SEED));
const readings: WorkbookReading[] = samples.map(readSample);
const MONTHS: YearMonth[] = Array.from({ length: 12 }, (_, i) => addMonths(SAMPLE_LAST_MONTH, i - 11));

const sheetOf = (sample: SampleWorkbook, name: string) => {
  const sheet = sample.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe('the sample center workbooks', () => {
  test('each has 設定, 相談記録, 委託契約, 委託実績, 活動記録, 苦情記録 and a year of 事業評価 with its 評価指標', () => {
    for (const s of samples)
      expect(s.sheets.map((x) => x.name)).toEqual([
        '設定',
        CONSULTATIONS_SHEET,
        CONTRACTS_SHEET,
        DELEGATIONS_SHEET,
        '活動記録',
        '苦情記録',
        '評価指標',
        '事業評価',
      ]);
  });

  test('the same seed gives the same workbook; centers and seeds differ', () => {
    HONJO_CENTERS.forEach((c, i) => expect(sampleCenterWorkbook(c, SEED)).toEqual(samples[i]));
    const consultationRows = samples.map((s) => JSON.stringify(sheetOf(s, CONSULTATIONS_SHEET).rows.slice(3, 50)));
    expect(new Set(consultationRows).size).toBe(samples.length);
    const center = HONJO_CENTERS[0];
    if (!center) throw new Error('no center');
    expect(sampleCenterWorkbook(center, SEED + 1)).not.toEqual(samples[0]);
  });

  test('a center outside the Honjo sample is refused, not given data that breaks the handout', () => {
    expect(() => sampleCenterWorkbook({ name: '本庄北', code: 'x', idPrefix: 'X' }, SEED)).toThrow('本庄北');
  });

  test('a few hundred consultations a month, for the 12 months ending 令和3年2月', () => {
    for (const r of readings) {
      const perMonth = new Map<string, number>();
      for (const { receivedOn } of r.consultations) {
        // the planted 受付日 that is no date (R2.2.30) is counted nowhere
        if (receivedOn !== undefined) perMonth.set(monthOf(receivedOn), (perMonth.get(monthOf(receivedOn)) ?? 0) + 1);
      }
      expect([...perMonth.keys()].sort()).toEqual(MONTHS);
      for (const n of perMonth.values()) expect(n).toBeGreaterThanOrEqual(150);
      for (const n of perMonth.values()) expect(n).toBeLessThanOrEqual(300);
    }
  });
});

describe('the real check on the sample', () => {
  test.each(HONJO_CENTERS.map((c, i) => [c.name, i] as const))('%s: every planted mess with its code at its row, and nothing else', (_name, i) => {
    const sample = samples[i] as SampleWorkbook;
    const reading = readings[i] as WorkbookReading;
    const key = (x: { sheet: string; row: number; column: string; code: string }): string => `${x.sheet}|${x.row}|${x.column}|${x.code}`;
    const reported = reading.issues.map(key).sort();
    const planted = sample.planted.map((p) => key({ ...p, column: p.header })).sort();
    expect(reported).toEqual(planted);
    // a few of each sheet, not a flood
    for (const sheet of [CONSULTATIONS_SHEET, CONTRACTS_SHEET, DELEGATIONS_SHEET]) {
      const n = sample.planted.filter((p) => p.sheet === sheet).length;
      expect([sheet, n >= 2 && n <= 15]).toEqual([sheet, true]);
    }
  });

  test('across the four centers: overlaps, a missing 選定理由, 全角 numbers, 所在 and 委託実績 notation', () => {
    const codes = samples.flatMap((s) => s.planted.filter((p) => p.sheet !== CONSULTATIONS_SHEET).map((p) => `${p.sheet}:${p.code}`));
    const count = (code: string): number => codes.filter((c) => c === code).length;
    expect(count(`${CONTRACTS_SHEET}:CONTRACT_OVERLAP`)).toBe(4);
    expect(count(`${CONTRACTS_SHEET}:SELECTION_REASON_MISSING`)).toBe(3);
    expect(count(`${CONTRACTS_SHEET}:TEXT_WIDTH`)).toBe(2);
    expect(count(`${CONTRACTS_SHEET}:MUNICIPALITY_MISMATCH`)).toBe(2);
    expect(count(`${CONTRACTS_SHEET}:MUNICIPALITY_DERIVED`)).toBe(2);
    expect(count(`${DELEGATIONS_SHEET}:MONTH_NOTATION`)).toBe(3);
    expect(count(`${DELEGATIONS_SHEET}:COUNT_NOTATION`)).toBe(3);
    expect(count(`${DELEGATIONS_SHEET}:CHOICE_VARIANT`)).toBe(3);
  });

  test('no center is over the concentration threshold in any month (the demo shows the shares, no warning)', () => {
    for (const r of readings) {
      for (const month of MONTHS) {
        const c = measureConcentration({
          delegations: r.delegations.filter((d) => d.month === month),
          contracts: r.contracts,
          ownCorporation: r.settings.corporation,
          threshold: r.settings.concentrationThreshold,
        });
        expect(c.total).toBeGreaterThan(0);
        expect(c.warnings).toEqual([]);
      }
    }
  });
});

describe('the handout’s 資料3 in 令和3年2月', () => {
  const handout = fixtureRecords('itaku-jigyosho-r3-02.csv');
  const nameOf = new Map(readings.flatMap((r) => r.contracts.map((c) => [c.officeNumber, c.name] as const)));

  test('each office has as many centers with a case as its 〇 (73 in all, こだま with all four)', () => {
    const centersOf = new Map<string, string[]>();
    readings.forEach((r, i) => {
      for (const d of r.delegations) {
        if (d.direct || d.month !== SAMPLE_LAST_MONTH || d.cases === 0) continue;
        const name = nameOf.get(d.officeNumber) ?? d.officeNumber;
        centersOf.set(name, [...(centersOf.get(name) ?? []), HONJO_CENTERS[i]?.name ?? '']);
      }
    });
    expect(handout.map((o) => [o['事業所名'], centersOf.get(o['事業所名'] ?? '')?.length ?? 0])).toEqual(
      handout.map((o) => [o['事業所名'], Number(o['〇の数'])]),
    );
    // and no office outside the handout has a case that month (the new contracts have none yet)
    expect([...centersOf.keys()].filter((name) => !handout.some((o) => o['事業所名'] === name))).toEqual([]);
    expect([...centersOf.values()].reduce((sum, list) => sum + list.length, 0)).toBe(73);
    expect(centersOf.get('生協介護センター　こだま')).toEqual(['本庄西', '本庄東', '本庄南', '児玉']);
  });

  test('every office of 資料3 holds a contract active in 令和3年2月 with a center; けあビジョン本庄 without a case', () => {
    const active = new Set(readings.flatMap((r) => activeContracts(r.contracts, SAMPLE_LAST_MONTH).map((c) => c.name)));
    expect(handout.map((o) => o['事業所名']).filter((name) => !active.has(name ?? ''))).toEqual([]);
    const idle = HONJO_OFFICES.find((o) => o.name === 'けあビジョン本庄');
    const idleCases = readings.flatMap((r) => r.delegations.filter((d) => d.month === SAMPLE_LAST_MONTH && d.officeNumber === idle?.officeNumber));
    expect(idleCases).toEqual([]);
  });

  test('the new contracts of 令和3年1月 and 2月, and no other contract starts in those months', () => {
    const wareki = (text: string): string => {
      const m = /^令和(\d+)年(\d+)月$/.exec(text);
      return m ? `${2018 + Number(m[1])}-${String(m[2]).padStart(2, '0')}` : text;
    };
    const expected = fixtureRecords('shinki-itaku-r3.csv').map((r) => [wareki(r['開始月'] ?? ''), r['所在'], r['事業所名'], r['住所']]);
    const started = readings.flatMap((r) =>
      r.contracts
        .filter((c) => monthOf(c.start) >= '2021-01' && monthOf(c.start) <= SAMPLE_LAST_MONTH)
        .map((c) => [monthOf(c.start), c.municipality, c.name, c.address]),
    );
    expect(started.sort()).toEqual(expected.sort());
  });

  test('本庄ケアプラザ, which moved: two centers write the old address, two the new', () => {
    const addresses = readings.map((r) => r.contracts.find((c) => c.name === '本庄ケアプラザ')?.address);
    expect(addresses).toEqual(['西五十子375-7-201', 'けや木2-4-5', '西五十子375-7-201', 'けや木2-4-5']);
  });

  test('every month has one 直営 row per center, and cases only under a contract active that month', () => {
    for (const r of readings) {
      expect(r.delegations.filter((d) => d.direct).map((d) => d.month)).toEqual(MONTHS);
      for (const d of r.delegations.filter((x) => !x.direct)) {
        expect([
          d.officeNumber,
          d.month,
          activeContracts(
            r.contracts.filter((c) => c.officeNumber === d.officeNumber),
            d.month,
          ).length > 0,
        ]).toEqual([d.officeNumber, d.month, true]);
      }
    }
  });
});

describe('with other seeds the handout and the planted mess still hold', () => {
  test.each([1, 42, 987654321])('seed %i', (seed) => {
    const circles = new Map<string, number>();
    for (const center of HONJO_CENTERS) {
      const sample = sampleCenterWorkbook(center, seed);
      const reading = readSample(sample);
      const key = (x: { sheet: string; row: number; code: string }): string => `${x.sheet}|${x.row}|${x.code}`;
      expect(reading.issues.map(key).sort()).toEqual(sample.planted.map(key).sort());
      for (const d of reading.delegations) {
        if (!d.direct && d.month === SAMPLE_LAST_MONTH && d.cases > 0) circles.set(d.officeNumber, (circles.get(d.officeNumber) ?? 0) + 1);
      }
    }
    expect(HONJO_OFFICES.map((o) => [o.name, circles.get(o.officeNumber) ?? 0])).toEqual(HONJO_OFFICES.map((o) => [o.name, o.centerCount]));
  });
});
