import {
  type CenterOutcome,
  type CityPlace,
  type ConsolidatedOffice,
  type Consolidation,
  consolidate,
  consolidationDocument,
} from '../../src/domain/reports/consolidation';
import type { Submission } from '../../src/domain/reports/submission';
import { totalsSheet } from '../../src/workbook/city-layout';

/**
 * The city's month from hand-made payloads: every expectation below is written out, never computed by the
 * product. Municipalities and names are in kana or distinct kanji so that the Japanese collation order is plain.
 */

const EMPTY: Submission['consultations']['byMethod'] = { rows: [], columns: [], cells: [] };

type Parts = Partial<Omit<Submission, 'consultations'>> & { consultations?: Partial<Submission['consultations']> };

function submission(center: string, parts: Parts = {}): Submission {
  const { consultations, ...rest } = parts;
  return {
    kind: 'monthly-report',
    schemaVersion: 1,
    center: { name: center, code: '', municipality: '本庄市' },
    month: '2026-10',
    generatedAt: '2026-11-01T09:00:00+09:00',
    submittedAt: '2026-11-02T09:00:00+09:00',
    fingerprint: 'a'.repeat(64),
    consultations: {
      total: 0,
      uniquePersons: 0,
      newPersons: 0,
      byMethod: EMPTY,
      afterHoursByMethod: [],
      byTopic: EMPTY,
      dementiaByTopic: [],
      byProfession: EMPTY,
      trend: [],
      undatedRows: 0,
      ...consultations,
    },
    abuse: { count: 0, reported: 0, late: 0 },
    rights: { guardianship: 0, consumerHarm: 0 },
    preventivePlans: { direct: 0, delegated: 0, newCases: 0, directNewCases: 0, delegatedNewCases: 0 },
    delegations: [],
    contracts: [],
    newContracts: [],
    concentration: { threshold: 0.8, total: 0, topOffice: null, topCorporation: null, ownCorporationShare: 0, warnings: [] },
    quality: { errors: 0, warnings: 0, rowsWithErrors: 0, rowsWithWarnings: 0 },
    ...rest,
  };
}

interface OfficeParts {
  officeNumber: string;
  name?: string;
  corporation?: string;
  address?: string;
  municipality?: string;
}

function delegation(o: OfficeParts, cases: number): Submission['delegations'][number] {
  return {
    officeNumber: o.officeNumber,
    name: o.name ?? '',
    corporation: o.corporation ?? '',
    address: o.address ?? '',
    municipality: o.municipality ?? '',
    supportCases: cases,
    careManagementCases: 0,
    cases,
    newCases: 0,
    contractStart: '2026-04-01',
  };
}

function contract(o: OfficeParts, start: string, end?: string): Submission['contracts'][number] {
  const base = {
    officeNumber: o.officeNumber,
    name: o.name ?? '',
    corporation: o.corporation ?? '',
    address: o.address ?? '',
    municipality: o.municipality ?? '',
  };
  return end === undefined ? { ...base, start } : { ...base, start, end };
}

/** The city is 本庄市; 深谷市 then 美里町 are listed in 設定; any other municipality comes after, by name. */
const PLACE: CityPlace = { municipality: '本庄市', municipalityOrder: ['深谷市', '美里町'], threshold: 0.8 };

function city(month: string, since: string | undefined, centers: readonly CenterOutcome[], place: CityPlace = PLACE): Consolidation {
  return consolidate(month, since, centers, place);
}

/** The fields of ConsolidatedOffice (the draft carries more of the payload's fields along; the document drops them). */
function listed(result: Consolidation): Pick<ConsolidatedOffice, keyof ConsolidatedOffice>[] {
  return result.offices.map(({ officeNumber, name, corporation, address, municipality, contractedBy, centers, cases, casesByCenter }) => ({
    officeNumber,
    name,
    corporation,
    address,
    municipality,
    contractedBy,
    centers,
    cases,
    casesByCenter,
  }));
}

const disagreements = (result: Consolidation): string[] => result.warnings.filter((w) => w.kind === 'office-disagreement').map((w) => w.message);

const submitted = (name: string, parts: Parts = {}): CenterOutcome => ({ name, status: 'submitted', submission: submission(name, parts) });

describe('offices merged over the centers', () => {
  const X = { officeNumber: '1171300013', name: 'いろは介護', corporation: '法人い', address: '本庄市1-1', municipality: '本庄市' };
  const Y = { officeNumber: '1171300021', name: 'さくら介護', corporation: '法人さ', address: '深谷市2-2', municipality: '深谷市' };
  // Built inside each test: Stryker's per-test coverage sees only code run by a test.
  const result = (): Consolidation =>
    city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation(X, 3)], contracts: [contract(X, '2026-04-01')] }),
      submitted('南センター', { delegations: [delegation(X, 2), delegation(Y, 0)], contracts: [contract(X, '2026-04-01'), contract(Y, '2026-04-01')] }),
    ]);

  test('one row per office, its cases summed and split by center', () => {
    expect(listed(result())).toEqual([
      { ...X, contractedBy: ['北センター', '南センター'], centers: ['北センター', '南センター'], cases: 5, casesByCenter: { 北センター: 3, 南センター: 2 } },
      { ...Y, contractedBy: ['南センター'], centers: [], cases: 0, casesByCenter: { 南センター: 0 } },
    ]);
  });

  test('the same center listing an office twice is counted once as contracting and its cases add up', () => {
    const twice = city('2026-10', undefined, [
      submitted('北センター', {
        delegations: [delegation(X, 1), delegation(X, 4)],
        contracts: [contract(X, '2025-04-01', '2026-03-31'), contract(X, '2026-04-01')],
      }),
    ]);
    expect(listed(twice)).toEqual([{ ...X, contractedBy: ['北センター'], centers: ['北センター'], cases: 5, casesByCenter: { 北センター: 5 } }]);
  });

  test('a blank field is filled from the next center that knows it, without a disagreement', () => {
    const blanks = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ officeNumber: X.officeNumber }, 1)] }),
      submitted('南センター', { delegations: [delegation(X, 1)] }),
    ]);
    expect(blanks.offices.map(({ name, corporation, address, municipality }) => ({ name, corporation, address, municipality }))).toEqual([
      { name: X.name, corporation: X.corporation, address: X.address, municipality: X.municipality },
    ]);
    expect(disagreements(blanks)).toEqual([]);
  });

  test('only submitted centers with a payload count', () => {
    const some = city('2026-10', undefined, [
      { name: '東センター', status: 'missing', reason: '提出データがありません' },
      { name: '西センター', status: 'unreadable', reason: '壊れています' },
      { name: '中センター', status: 'submitted' },
      submitted('北センター', { delegations: [delegation(X, 2)] }),
    ]);
    expect(some.offices.map((o) => [o.officeNumber, o.cases, o.centers])).toEqual([[X.officeNumber, 2, ['北センター']]]);
    expect(some.centers.map((c) => [c.name, c.status])).toEqual([
      ['東センター', 'missing'],
      ['西センター', 'unreadable'],
      ['中センター', 'submitted'],
      ['北センター', 'submitted'],
    ]);
  });
});

describe('two centers disagreeing about an office', () => {
  const base = { officeNumber: '1171300013', corporation: '法人い', municipality: '本庄市' };

  test('a different name is a warning naming both values and who said each; the first center’s value is listed', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: '本庄ケアプラザ', address: '本庄市1-1' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'けや木', address: '本庄市1-1' }, 1)] }),
      submitted('東センター', { delegations: [delegation({ ...base, name: 'けや木', address: '本庄市1-1' }, 1)] }),
    ]);
    expect(result.offices[0]?.name).toBe('本庄ケアプラザ');
    expect(disagreements(result)).toHaveLength(1);
    const message = disagreements(result)[0] ?? '';
    for (const value of ['1171300013', '「本庄ケアプラザ」（北センター）', '「けや木」（南センター・東センター）', '事業所名'])
      expect(message).toContain(value);
    expect(message).not.toContain('住所');
  });

  test('a different address is a warning of its own', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: 'いろは', address: '西五十子1' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'いろは', address: '本庄2-3' }, 1)] }),
    ]);
    expect(result.offices[0]?.address).toBe('西五十子1');
    expect(disagreements(result)).toHaveLength(1);
    const message = disagreements(result)[0] ?? '';
    for (const value of ['住所', '「西五十子1」（北センター）', '「本庄2-3」（南センター）']) expect(message).toContain(value);
  });

  test('one place or name written two ways (1丁目1番1号 and 1-1-1, a space, 全角) is no disagreement; the first center’s writing is listed', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: 'ケアプラン さくら', address: '埼玉県本庄市中央一丁目1番1号' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'ケアプランさくら', address: '本庄市中央1-1-1' }, 1)] }),
      submitted('東センター', { delegations: [delegation({ ...base, name: 'ケアプランさくら', address: '本庄市中央１－１－１' }, 1)] }),
    ]);
    expect(disagreements(result)).toEqual([]);
    expect([result.offices[0]?.name, result.offices[0]?.address]).toEqual(['ケアプラン さくら', '埼玉県本庄市中央一丁目1番1号']);
    // Another number is another place.
    const moved = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: 'いろは', address: '本庄市中央1丁目1番1号' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'いろは', address: '本庄市中央1-1-2' }, 1)] }),
    ]);
    expect(disagreements(moved)).toHaveLength(1);
  });

  test('name and address both differing: two warnings, the name first', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: 'いろは', address: '本庄1' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'にほへ', address: '本庄2' }, 1)] }),
    ]);
    const [name, address] = disagreements(result);
    expect(disagreements(result)).toHaveLength(2);
    expect(name).toContain('「にほへ」（南センター）');
    expect(address).toContain('「本庄2」（南センター）');
  });

  test('who said what is counted per field: a center’s address equal to another’s name is not a vote for that name', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: '本庄', address: '本庄1' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'けや木', address: '本庄1' }, 1)] }),
      submitted('東センター', { delegations: [delegation({ ...base, name: '本庄', address: 'けや木' }, 1)] }),
    ]);
    const [name] = disagreements(result);
    expect(name).toContain('「本庄」（北センター・東センター）と「けや木」（南センター）');
  });

  test('法人名 and 所在 are the first center’s, never a disagreement', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', { delegations: [delegation({ ...base, name: 'いろは', corporation: '法人い', municipality: '本庄市' }, 1)] }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'いろは', corporation: '法人ろ', municipality: '深谷市' }, 1)] }),
    ]);
    expect(listed(result).map((o) => [o.corporation, o.municipality])).toEqual([['法人い', '本庄市']]);
    expect(disagreements(result)).toEqual([]);
  });

  test('a center that names the office twice is one voice; agreeing centers raise nothing', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', {
        delegations: [delegation({ ...base, name: 'いろは', address: '本庄1' }, 1)],
        contracts: [contract({ ...base, name: 'いろは', address: '本庄1' }, '2026-04-01')],
      }),
      submitted('南センター', { delegations: [delegation({ ...base, name: 'いろは', address: '本庄1' }, 1)] }),
    ]);
    expect(disagreements(result)).toEqual([]);
  });

  test('the first value a center gives is the one it said', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', {
        contracts: [contract({ ...base, name: 'いろは' }, '2026-04-01')],
        delegations: [delegation({ ...base, name: 'にほへ' }, 1)],
      }),
    ]);
    expect(disagreements(result)).toEqual([]);
    expect(result.offices[0]?.name).toBe('いろは');
  });
});

describe('group order', () => {
  const office = (officeNumber: string, name: string, municipality: string): Submission['delegations'][number] =>
    delegation({ officeNumber, name, municipality, corporation: name }, 1);

  test('the city first, then 設定’s order, then the others by name; by name inside a group', () => {
    const result = city('2026-10', undefined, [
      submitted('北センター', {
        delegations: [
          office('01', 'か', 'さくら町'),
          office('02', 'い', '美里町'),
          office('03', 'う', '深谷市'),
          office('04', 'お', 'あおば町'),
          office('05', 'さ', '本庄市'),
          office('06', 'あ', '本庄市'),
          office('07', 'え', '深谷市'),
        ],
      }),
    ]);
    expect(result.offices.map((o) => [o.municipality, o.name])).toEqual([
      ['本庄市', 'あ'],
      ['本庄市', 'さ'],
      ['深谷市', 'う'],
      ['深谷市', 'え'],
      ['美里町', 'い'],
      ['あおば町', 'お'],
      ['さくら町', 'か'],
    ]);
  });

  test('new contracts by start month, then group, then name', () => {
    const result = city('2026-10', '2026-08', [
      submitted('北センター', {
        contracts: [
          contract({ officeNumber: '01', name: 'か', municipality: 'あおば町' }, '2026-09-01'),
          contract({ officeNumber: '02', name: 'い', municipality: '美里町' }, '2026-09-15'),
          contract({ officeNumber: '03', name: 'う', municipality: '本庄市' }, '2026-10-01'),
          contract({ officeNumber: '04', name: 'え', municipality: '深谷市' }, '2026-09-01'),
          contract({ officeNumber: '05', name: 'あ', municipality: '深谷市' }, '2026-09-30'),
          contract({ officeNumber: '06', name: 'お', municipality: '本庄市' }, '2026-08-01'),
        ],
      }),
    ]);
    expect(result.newContracts.map((n) => [n.startMonth, n.municipality, n.name])).toEqual([
      ['2026-08', '本庄市', 'お'],
      ['2026-09', '深谷市', 'あ'],
      ['2026-09', '深谷市', 'え'],
      ['2026-09', '美里町', 'い'],
      ['2026-09', 'あおば町', 'か'],
      ['2026-10', '本庄市', 'う'],
    ]);
  });
});

describe('new contracts since a month', () => {
  const contracts = [
    contract({ officeNumber: '01', name: '七月', municipality: '本庄市', address: 'a' }, '2026-07-31'),
    contract({ officeNumber: '02', name: '八月', municipality: '本庄市', address: 'b' }, '2026-08-01'),
    contract({ officeNumber: '03', name: '十月', municipality: '本庄市', address: 'c' }, '2026-10-31'),
    contract({ officeNumber: '04', name: '十一月', municipality: '本庄市', address: 'd' }, '2026-11-01'),
  ];

  test('from `since` to the month, both included', () => {
    const result = city('2026-10', '2026-08', [submitted('北センター', { contracts })]);
    expect(result.since).toBe('2026-08');
    expect(result.newContracts).toEqual([
      { startMonth: '2026-08', municipality: '本庄市', officeNumber: '02', name: '八月', address: 'b', center: '北センター' },
      { startMonth: '2026-10', municipality: '本庄市', officeNumber: '03', name: '十月', address: 'c', center: '北センター' },
    ]);
  });

  test('without `since`, the month alone', () => {
    const result = city('2026-10', undefined, [submitted('北センター', { contracts })]);
    expect(result.since).toBe('2026-10');
    expect(result.newContracts.map((n) => n.name)).toEqual(['十月']);
  });

  test('a contract both new and active is listed once per center; two centers each list it', () => {
    const c = contract({ officeNumber: '03', name: '十月', municipality: '本庄市' }, '2026-10-01');
    const later = contract({ officeNumber: '03', name: '十月', municipality: '本庄市' }, '2026-10-15');
    const result = city('2026-10', undefined, [
      submitted('北センター', { contracts: [c, later], newContracts: [c] }),
      submitted('南センター', { contracts: [c] }),
    ]);
    expect(result.newContracts.map((n) => [n.center, n.officeNumber])).toEqual([
      ['北センター', '03'],
      ['北センター', '03'],
      ['南センター', '03'],
    ]);
  });
});

describe('city-wide sums', () => {
  test('each 月報 table is summed over the submitted centers, labels united, 未分類 last', () => {
    const north = submission('北センター', {
      consultations: {
        byMethod: {
          rows: ['電話', '未分類'],
          columns: ['新規', '継続'],
          cells: [
            [1, 2],
            [3, 4],
          ],
        },
        byTopic: { rows: ['認知症'], columns: ['件数'], cells: [[5]] },
        byProfession: { rows: ['保健師等'], columns: ['件数'], cells: [[7]] },
      },
    });
    const south = submission('南センター', {
      consultations: {
        byMethod: {
          rows: ['電話', '来所'],
          columns: ['新規', '継続'],
          cells: [
            [10, 20],
            [30, 40],
          ],
        },
        byTopic: { rows: ['虐待', '認知症'], columns: ['件数'], cells: [[1], [1]] },
        byProfession: { rows: ['社会福祉士等'], columns: ['件数'], cells: [[2]] },
      },
    });
    const ignored = submission('東センター', { consultations: { byMethod: { rows: ['電話'], columns: ['新規'], cells: [[1000]] } } });
    const result = city('2026-10', undefined, [
      { name: '北センター', status: 'submitted', submission: north },
      { name: '東センター', status: 'unreadable', reason: '壊れています', submission: ignored },
      { name: '南センター', status: 'submitted', submission: south },
    ]);
    expect(result.totals.byMethod).toEqual({
      rows: ['電話', '来所', '未分類'],
      columns: ['新規', '継続'],
      cells: [
        [11, 22],
        [30, 40],
        [3, 4],
      ],
    });
    expect(result.totals.byTopic).toEqual({ rows: ['認知症', '虐待'], columns: ['件数'], cells: [[6], [1]] });
    expect(result.totals.byProfession).toEqual({ rows: ['保健師等', '社会福祉士等'], columns: ['件数'], cells: [[7], [2]] });
  });

  test('no submitted center: empty tables', () => {
    const result = city('2026-10', undefined, [{ name: '北センター', status: 'missing' }]);
    expect(result.totals).toEqual({ byMethod: EMPTY, byTopic: EMPTY, byProfession: EMPTY });
    expect(listed(result)).toEqual([]);
    expect(result.newContracts).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('concentration over the whole city', () => {
  const office = (officeNumber: string, name: string, cases: number): Submission['delegations'][number] =>
    delegation({ officeNumber, name, municipality: '本庄市' }, cases);

  test('an office above the threshold of all the city’s cases is warned about; one at it is not', () => {
    // 9 of 10 cases (90 %) against 80 %: over. Split 8 + 2 (exactly 80 %): not over.
    const over = city('2026-10', undefined, [
      submitted('北センター', { delegations: [office('01', 'いろは', 5), office('02', 'にほへ', 1)] }),
      submitted('南センター', { delegations: [office('01', 'いろは', 4)] }),
    ]);
    expect(over.warnings.map((w) => w.kind)).toEqual(['office-concentration']);
    for (const value of ['いろは', '10', '9', '90%', '80%']) expect(over.warnings[0]?.message).toContain(value);
    const at = city('2026-10', undefined, [submitted('北センター', { delegations: [office('01', 'いろは', 8), office('02', 'にほへ', 2)] })]);
    expect(at.warnings).toEqual([]);
  });

  test('a lower threshold of 設定 applies', () => {
    const result = city('2026-10', undefined, [submitted('北センター', { delegations: [office('01', 'いろは', 6), office('02', 'にほへ', 4)] })], {
      ...PLACE,
      threshold: 0.5,
    });
    expect(result.warnings.map((w) => [w.kind, w.message.includes('いろは'), w.message.includes('60%')])).toEqual([['office-concentration', true, true]]);
  });

  test('a center’s own warnings are passed on under its name, after the disagreements', () => {
    const concentration = {
      threshold: 0.8,
      total: 10,
      topOffice: { name: 'いろは', share: 0.9 },
      topCorporation: null,
      ownCorporationShare: 0,
      warnings: [{ kind: 'office' as const, name: 'いろは', share: 0.9, message: 'いろはに集中' }],
    };
    const result = city('2026-10', undefined, [
      submitted('北センター', { concentration, delegations: [office('01', 'いろは', 1), office('02', 'にほへ', 1)] }),
      submitted('南センター', { delegations: [office('01', '別名', 1), office('02', 'にほへ', 1)] }),
    ]);
    expect(result.warnings.map((w) => w.kind)).toEqual(['office-disagreement', 'center-concentration']);
    expect(result.warnings[1]?.message).toContain('北センター');
    expect(result.warnings[1]?.message).toContain('いろはに集中');
  });

  test('no cases at all: no share, no warning', () => {
    const result = city('2026-10', undefined, [submitted('北センター', { contracts: [contract({ officeNumber: '01', name: 'いろは' }, '2026-04-01')] })], {
      ...PLACE,
      threshold: 0,
    });
    expect(result.warnings).toEqual([]);
  });
});

describe('consolidationDocument', () => {
  test('English keys, business data only, the reason and the payload facts only where they exist', () => {
    const result = city('2026-10', '2026-09', [
      { name: '東センター', status: 'missing', reason: '提出データがありません' },
      { name: '西センター', status: 'unreadable' },
      submitted('北センター', {
        delegations: [delegation({ officeNumber: '01', name: 'いろは', corporation: '法人', address: '本庄1', municipality: '本庄市' }, 2)],
        contracts: [contract({ officeNumber: '01', name: 'いろは', corporation: '法人', address: '本庄1', municipality: '本庄市' }, '2026-09-01')],
        quality: { errors: 1, warnings: 2, rowsWithErrors: 1, rowsWithWarnings: 2 },
      }),
    ]);
    const document = consolidationDocument(result);
    // toEqual would let `reason: undefined` pass: a center without a reason has no such key at all.
    expect((document['centers'] as object[])[1]).toStrictEqual({ name: '西センター', status: 'unreadable' });
    expect(document).toEqual({
      month: '2026-10',
      since: '2026-09',
      centers: [
        { name: '東センター', status: 'missing', reason: '提出データがありません' },
        { name: '西センター', status: 'unreadable' },
        {
          name: '北センター',
          status: 'submitted',
          submittedAt: '2026-11-02T09:00:00+09:00',
          fingerprint: 'a'.repeat(64),
          quality: { errors: 1, warnings: 2, rowsWithErrors: 1, rowsWithWarnings: 2 },
        },
      ],
      offices: [
        {
          officeNumber: '01',
          name: 'いろは',
          corporation: '法人',
          address: '本庄1',
          municipality: '本庄市',
          contractedBy: ['北センター'],
          centers: ['北センター'],
          cases: 2,
        },
      ],
      newContracts: [{ startMonth: '2026-09', startMonthJa: '令和8年9月', municipality: '本庄市', name: 'いろは', address: '本庄1', center: '北センター' }],
      warnings: [{ kind: 'office-concentration', message: expect.stringContaining('いろは') }],
    });
  });
});

describe('市集計: the offices the city delegated to', () => {
  test('each center’s count, and a 計 that counts an office two centers delegate to once', () => {
    const shared = { officeNumber: '1171300013', name: 'あおぞら' };
    const west = submitted('西', { delegations: [delegation(shared, 2), delegation({ officeNumber: '1171300021' }, 1)] });
    const east = submitted('東', { delegations: [delegation(shared, 3)] });
    const rows = totalsSheet(city('2026-10', undefined, [west, east])).blocks.flatMap((b) => b.values);
    expect(rows.find((r) => String(r[0]).startsWith('委託先の事業所数'))).toEqual(['委託先の事業所数（計は重なりを除く）', 2, 1, 2]);
  });
});
