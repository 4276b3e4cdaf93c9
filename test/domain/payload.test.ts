import { createHash } from 'node:crypto';
import { readEvaluationPayload, toEvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import { fingerprintOf } from '../../src/domain/reports/fingerprint';
import { readPayload } from '../../src/domain/reports/submission';
import { sampleSubmission } from '../helpers/submissions';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const evaluation = toEvaluationSubmission(
  { name: '本庄西', code: '01' },
  '2025',
  [
    { row: 2, year: '2025', number: '1', category: '組織運営体制等', indicator: '3職種', answer: 'いいえ', note: '看護師を配置' },
    { row: 3, year: '2025', number: '2', category: '組織運営体制等', indicator: '方針', answer: 'はい' },
  ],
  '2026-05-01T00:00:00.000Z',
  null,
);
const monthly = sampleSubmission(0, '2021-02');

/** Both kinds of payload through their readers: one implementation, the same four steps. */
const kinds = [
  { name: '月報', payload: monthly as unknown as Record<string, unknown>, read: readPayload, what: '提出データ' },
  { name: '事業評価', payload: evaluation as unknown as Record<string, unknown>, read: readEvaluationPayload, what: '事業評価の提出データ' },
] as const;

describe('one fingerprint for every payload', () => {
  test('SHA-256 of the canonical JSON without fingerprint, generatedAt and submittedAt', () => {
    expect(fingerprintOf({ fingerprint: 'x', generatedAt: 'a', submittedAt: null, b: 1, a: '本庄' } as never)).toBe(sha('{"a":"本庄","b":1}'));
    // The evaluation's, computed by hand from its data.
    const data =
      '{"answers":[{"answer":"いいえ","category":"組織運営体制等","note":"看護師を配置","number":"1"},{"answer":"はい","category":"組織運営体制等","note":"","number":"2"}],' +
      '"center":{"code":"01","name":"本庄西"},"kind":"evaluation",' +
      '"rates":[{"answered":2,"category":"組織運営体制等","rate":0.5,"yes":1}' +
      ['総合相談支援', '権利擁護', '包括的・継続的ケアマネジメント支援', '地域ケア会議', '介護予防ケアマネジメント・介護予防支援', '事業間連携']
        .map((c) => `,{"answered":0,"category":"${c}","rate":null,"yes":0}`)
        .join('') +
      '],"schemaVersion":1,"year":"2025"}';
    expect(evaluation.fingerprint).toBe(sha(data));
  });
});

describe.each(kinds)('reading a stored $name payload', ({ payload, read, what }) => {
  test('as made, and resent later (other times): ok', () => {
    expect(read(JSON.stringify(payload)).kind).toBe('ok');
    expect(read(JSON.stringify({ ...payload, generatedAt: 'later', submittedAt: 'later' })).kind).toBe('ok');
  });

  test('broken JSON, another version, another shape, a changed value: each with its reason', () => {
    expect(read('{"kind":')).toEqual({
      kind: 'bad',
      reason: `${what}が壊れています（JSON として読めません）。センターに「市へ提出」をやり直してもらってください。`,
    });
    expect(read(JSON.stringify({ ...payload, schemaVersion: 2 }))).toEqual({
      kind: 'bad',
      reason: `${what}の版（2）がこの集計の版（1）と違います。センターと市で同じ版のアドオンを使ってください。`,
    });
    expect(read(JSON.stringify({ ...payload, center: { name: '', code: '01' } }))).toEqual({
      kind: 'bad',
      reason: `${what}の形が正しくありません（center.name）。センターに「市へ提出」をやり直してもらってください。`,
    });
    const changed = read(JSON.stringify({ ...payload, center: { ...(payload.center as object), code: '99' } }));
    expect(changed.kind).toBe('bad');
    if (changed.kind === 'bad') expect(changed.reason).toMatch(new RegExp(`^${what}の指紋が内容と合いません`));
  });
});

test('a payload of one kind is not read as the other', () => {
  expect(readEvaluationPayload(JSON.stringify(monthly))).toMatchObject({ kind: 'bad', reason: expect.stringContaining('（kind）') });
  expect(readPayload(JSON.stringify(evaluation))).toMatchObject({ kind: 'bad', reason: expect.stringContaining('（kind）') });
});

test("a submitted contract is the sheet's contract without its row, 委託区分, 承認日 and 選定理由", () => {
  const [contract] = monthly.contracts;
  expect(Object.keys(contract ?? {}).sort()).toEqual(expect.arrayContaining(['address', 'corporation', 'municipality', 'name', 'officeNumber', 'start']));
  for (const c of monthly.contracts) {
    expect(Object.keys(c).filter((k) => !['address', 'corporation', 'end', 'municipality', 'name', 'officeNumber', 'start'].includes(k))).toEqual([]);
  }
  // A field added by a newer center is kept under the fingerprint but not in what the city reads.
  const withExtra = { ...monthly, contracts: monthly.contracts.map((c) => ({ ...c, row: 5 })) };
  const reading = readPayload(JSON.stringify({ ...withExtra, fingerprint: fingerprintOf(withExtra) }));
  expect(reading.kind).toBe('ok');
  if (reading.kind === 'ok') expect(reading.submission.contracts[0]).not.toHaveProperty('row');
});
