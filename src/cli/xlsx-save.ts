import type * as ExcelJS from 'exceljs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, ZipPassThrough } from 'fflate';

/** A file that could not be written (a missing folder, no permission); the CLI's exit code 2. */
export class UnwritableFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`「${path}」に書き出せませんでした（${reason}）。書き出す先のフォルダと権限を確かめてください。元のファイルは変えていません。`);
  }
}

function writeReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'フォルダがありません';
  if (code === 'EACCES' || code === 'EPERM') return '書き込みの権限がありません';
  if (code === 'EISDIR') return 'フォルダです';
  return String((error as { message?: unknown }).message ?? error).slice(0, 120);
}

/**
 * Writes a file at `path` all at once: into a temporary file in the same folder, then renamed over it. A failure
 * half-way leaves an existing file as it was.
 */
async function writeAtomically(path: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UnwritableFileError(path, writeReason(error));
  }
}

/**
 * A part of the package deflated by Node's zlib (native code) rather than in JavaScript: fflate's documented way to
 * bring one's own compressor is a ZipPassThrough whose process() compresses (it keeps the CRC and size of what is
 * pushed). Each part is pushed whole, once.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk), final);
  }
}

/**
 * The package's parts, in their order, zipped again with each part deflated natively. exceljs zips with JSZip, whose
 * deflate runs in JavaScript: it was a third of the time of writing a center's ledger with its marks (`check -o`),
 * and of the demo. exceljs is asked for the parts stored (its documented `zip` option), which costs it nothing.
 */
export function deflatedPackage(stored: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [name, bytes] of Object.entries(unzipSync(stored))) {
    // A folder's entry (JSZip writes one for _rels/ and xl/) holds nothing, and is stored as JSZip stores it.
    const part = name.endsWith('/') ? new ZipPassThrough(name) : new NativeDeflate(name);
    zip.add(part);
    part.push(bytes, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** The workbook as the bytes of an .xlsx file. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  // A Node Buffer at run time, which exceljs types as an ArrayBuffer.
  return deflatedPackage(stored instanceof Uint8Array ? stored : new Uint8Array(stored));
}

/** Writes a workbook to `path` all at once (writeAtomically): every .xlsx the runner writes. */
export async function saveXlsx(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  // The bytes are made before the temporary file is, so that a workbook exceljs cannot write leaves no file behind.
  const bytes = await xlsxBytes(workbook);
  await writeAtomically(path, (temporary) => writeFileSync(temporary, bytes));
}

/** Writes text (UTF-8) to `path` all at once (writeAtomically): `houkatsu export -o`. */
export async function writeTextAtomically(path: string, text: string): Promise<void> {
  await writeAtomically(path, (temporary) => writeFileSync(temporary, text, 'utf8'));
}
