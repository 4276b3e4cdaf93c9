/** The spreadsheet id in a Sheets URL, or the text itself when it is an id. */
export function spreadsheetIdOf(source: string): string {
  return /\/d\/([A-Za-z0-9_-]{10,})/.exec(source)?.[1] ?? source.trim();
}
