/**
 * One Chromium for the whole test run (#21). Each browser test file used to start its own, about a second of
 * both cores each; now the first one to ask (test/ui/harness.ts, an atomic mkdir decides which) starts this
 * script, which launches Chromium as a playwright server and writes its address to `<dir>/browser.json`. Every
 * test file connects and works in a context of its own (cookies, storage and pages apart). The server stops
 * when the jest process that started the run is gone.
 *
 * Usage: node browser-server.js DIR JEST_PID. Required as a module, it only gives the path and the flags.
 */
const { existsSync, renameSync, writeFileSync } = require('node:fs');
const { clearInterval, setInterval } = require('node:timers');
const { join } = require('node:path');

/**
 * Debian's Chromium; playwright-core downloads no browser. Its headless shell (package chromium-headless-shell, the
 * same Blink without the browser's window and profile machinery, what playwright itself runs headless) draws the same
 * pages for half the CPU of the full browser (8.7 s instead of 16.6 s for test/ui on two cores), so it is preferred;
 * the full `chromium` still runs the tests where only it is installed.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = { CHROMIUM, CHROMIUM_ARGS };

if (require.main === module) {
  const [dir, owner] = process.argv.slice(2);
  const { chromium } = require('playwright-core');
  (async () => {
    const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    writeFileSync(join(dir, 'browser.json.part'), JSON.stringify({ wsEndpoint: server.wsEndpoint() }));
    renameSync(join(dir, 'browser.json.part'), join(dir, 'browser.json'));
    const watch = setInterval(() => {
      try {
        process.kill(Number(owner), 0);
      } catch {
        clearInterval(watch);
        server.close().finally(() => process.exit(0));
      }
    }, 500);
  })().catch((e) => {
    writeFileSync(join(dir, 'browser.json'), JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
    process.exit(1);
  });
}
