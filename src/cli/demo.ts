import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../sample/center';
import { checkFile, formatCheck } from './check-command';
import { writeWorkbook } from './xlsx-write';

export interface DemoOptions {
  readonly dir?: string;
  readonly json?: boolean;
  readonly today?: string;
  readonly seed?: number;
  /** Where progress goes (stderr by default), so stdout holds only the result. */
  readonly progress?: (line: string) => void;
}

const DEFAULT_SEED = 20210201;

/**
 * `houkatsu demo`: writes a sample center workbook, checks it and says what it found and where the files
 * are. Grows with the product: reports and the city's consolidation join it as they exist.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = resolve(options.dir ?? mkdtempSync(join(process.cwd(), 'houkatsu-demo-')));
  mkdirSync(dir, { recursive: true });
  const center = HONJO_CENTERS[0];
  if (!center) throw new Error('no sample center');
  const sample = sampleCenterWorkbook(center, options.seed ?? DEFAULT_SEED);
  const file = join(dir, `${center.name}.xlsx`);
  progress(`見本のブックを書いています: ${file}`);
  await writeWorkbook(file, sample.sheets);
  progress('チェックしています…');
  const marked = join(dir, `${center.name}_チェック済み.xlsx`);
  const result = await checkFile(file, { marked, today: options.today });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ dir, files: [file, marked], check: result }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatCheck(result)}\n\n書き出したファイル:\n  ${file}（見本の入力）\n  ${marked}（問題のセルに色とメモを付けた写し）\n`);
  }
  return 0;
}
