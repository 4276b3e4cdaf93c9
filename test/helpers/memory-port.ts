import type { RawSheet } from '../../src/domain/sheets/table';
import type { IsoDate } from '../../src/domain/values/dates';
import type { WorkbookPort } from '../../src/workbook/port';

export interface MemoryPortOptions {
  readonly today?: IsoDate;
  /** Reads cost nothing, as in a local file (the xlsx ports). */
  readonly cheapReads?: boolean;
  /** A sheet whose rows cannot be read (a chart sheet in Sheets): readRows throws for it. */
  readonly unreadable?: string;
}

/**
 * A port over sheets in memory for the jobs a check runs: it records which sheets were read whole (`read`) and
 * which were read in part (`looked`); marks are accepted and dropped; anything that writes a cell throws.
 */
export function memoryPort(sheets: readonly RawSheet[], options: MemoryPortOptions = {}): WorkbookPort & { read: string[]; looked: string[] } {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const read: string[] = [];
  const looked: string[] = [];
  const unused = (): never => {
    throw new Error('not used by a check');
  };
  return {
    read,
    looked,
    name: '本庄西',
    ...(options.cheapReads ? { cheapReads: true } : {}),
    today: () => options.today ?? '2026-11-01',
    sheetNames: () => [...byName.keys()],
    readSheet(name) {
      read.push(name);
      return byName.get(name);
    },
    readRows(name) {
      looked.push(name);
      if (name === options.unreadable) throw new Error('This operation is not supported on a sheet of type OBJECT.');
      return byName.get(name);
    },
    readStyles: (_name, rect) => ({
      backgrounds: Array.from({ length: rect.numRows }, () => new Array<string | null>(rect.numColumns).fill(null)),
      notes: Array.from({ length: rect.numRows }, () => new Array<string>(rect.numColumns).fill('')),
    }),
    writeStyles: () => undefined,
    replaceSheet: unused,
    patchCells: unused,
    removeSheet: unused,
    appendRows: unused,
    writeOwnRows: unused,
  };
}
