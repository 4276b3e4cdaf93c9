import { monthPromptText, readMonthInput } from '../../src/domain/values/months';

/** The month prompt gives last month as its example in both calendars, from the era table (not 西暦 − 2018). */
describe('the month prompt', () => {
  test.each([
    ['2026-10', '（例: 2026-10、令和8年10月）', '先月（2026年10月（令和8年10月））'],
    ['2019-05', '（例: 2019-05、令和元年5月）', '先月（2019年5月（令和元年5月））'],
    ['2019-04', '（例: 2019-04、平成31年4月）', '先月（2019年4月（平成31年4月））'],
  ])('last month %s', (month, example, fallback) => {
    const text = monthPromptText(month);
    expect(text).toContain(`対象月を入力してください${example}。`);
    expect(text).toContain(`空のまま OK を押すと${fallback}になります。`);
  });
});

describe('the month a person types', () => {
  test.each([
    ['', '2026-09'],
    ['  ', '2026-09'],
    ['2026-10', '2026-10'],
    ['令和8年10月', '2026-10'],
    ['R1.5', '2019-05'],
    ['２０２６／１０', '2026-10'],
  ])('%j is %s (empty: last month)', (text, month) => {
    expect(readMonthInput(text, '2026-09')).toEqual({ month });
  });

  test.each(['2026-13', '十月', '令和0年1月'])('%j is refused with what would be right', (text) => {
    const input = readMonthInput(text, '2026-09');
    expect('problem' in input && input.problem).toMatch(new RegExp(`^「${text}」を月として読めませんでした.*2026-10 や 令和8年10月 の形で入力してください。$`));
  });
});
