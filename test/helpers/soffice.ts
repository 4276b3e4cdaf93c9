import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** LibreOffice's soffice on PATH, found without a shell; undefined when it is not installed. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
