/**
 * The results of a pure function of text, kept for the texts a sheet repeats (a year's few hundred dates, a column's
 * handful of choices over thousands of rows). Emptied when full, so a long run of different texts cannot grow it.
 * Keep only values that cannot be changed by whoever gets them (strings, frozen objects): one serves every cell.
 */
export class TextMemo<V> {
  private readonly results = new Map<string, V>();

  constructor(private readonly limit = 10_000) {}

  get(text: string, compute: (text: string) => V): V {
    const known = this.results.get(text);
    if (known !== undefined) return known;
    const result = compute(text);
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(text, result);
    return result;
  }
}
