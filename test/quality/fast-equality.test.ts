/** The fast path of test/fast-equality.js must never make jest's equality looser, only quicker. */
const rows = (n: number, at = -1, value = 0): { row: number; value?: number }[] =>
  Array.from({ length: n }, (_, i) => ({ row: i, value: i === at ? value : i }));

describe('the fast path for large equal values', () => {
  test('equal large arrays are equal; one differing field deep inside still fails, with jest’s diff', () => {
    expect(rows(100)).toEqual(rows(100));
    expect(rows(100)).toStrictEqual(rows(100));
    expect(() => expect(rows(100, 57, -1)).toEqual(rows(100))).toThrow(/"value": -1/);
    expect(() => expect(rows(100)).toEqual(rows(101))).toThrow();
  });

  test('toEqual keeps its own rules where node’s strict equality says no: undefined fields and matchers', () => {
    const loose = rows(50).map((r) => ({ ...r, note: undefined }));
    expect(loose).toEqual(rows(50));
    expect(() => expect(loose).toStrictEqual(rows(50))).toThrow();
    expect(rows(50)).toEqual(rows(50).map((r) => ({ row: r.row, value: expect.any(Number) })));
    expect(() => expect(rows(50)).toEqual(rows(50).map((r) => ({ row: r.row, value: expect.any(String) })))).toThrow();
  });
});
