import { houkatsu } from './main';

/** The `houkatsu` command (dist/cli.js): main.ts does the work, this file only binds it to the process. */
void houkatsu(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
