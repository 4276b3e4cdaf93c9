import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks (LibreOffice writes all three). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A fixture of test/fixtures as records keyed by its header. */
export function fixtureRecords(file: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(
    readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}
