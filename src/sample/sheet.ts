import type { CellValue } from '../domain/values/cell';
import type { IssueCode } from '../domain/issues/issue';

/** A mess planted on purpose, and the code the check must report for it. */
export interface PlantedMess {
  readonly sheet: string;
  /** Row number as the spreadsheet shows it. */
  readonly row: number;
  readonly header: string;
  readonly code: IssueCode;
}

export interface SampleSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  /** Column widths in characters, so the file opens readable (what writeWorkbook takes). */
  readonly widths?: readonly number[];
}

/** A sample sheet and the messes planted in it. */
export interface PlantedSheet {
  readonly sheet: SampleSheet;
  readonly planted: PlantedMess[];
}

/**
 * Lays records out as a person keeps them: optional title rows above the header, a blank row here and there.
 * Returns the rows and, for each record, the row number the spreadsheet shows, so a mess planted in a record
 * is reported where the check will find it.
 */
export function layOut(opts: {
  readonly title: readonly (readonly CellValue[])[];
  readonly header: readonly CellValue[];
  readonly records: readonly (readonly CellValue[])[];
  /** A blank row goes after the record of each of these indexes. */
  readonly blankAfter: (index: number) => boolean;
}): { rows: CellValue[][]; rowNumbers: number[] } {
  const rows: CellValue[][] = [...opts.title.map((r) => [...r]), [...opts.header]];
  const rowNumbers: number[] = [];
  opts.records.forEach((record, i) => {
    rows.push([...record]);
    rowNumbers.push(rows.length);
    if (opts.blankAfter(i) && i < opts.records.length - 1) rows.push(opts.header.map(() => null));
  });
  return { rows, rowNumbers };
}
