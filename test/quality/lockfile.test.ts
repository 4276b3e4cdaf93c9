import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm ci` (the README's install and CI's) installs exactly package-lock.json and stops when it disagrees with
 * package.json. These checks say why before npm does, and keep the lock usable on every system a center or a
 * city may run the CLI on: npm writes an optional dependency's builds only for the systems it resolved.
 */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<
    string,
    {
      version?: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      optional?: boolean;
      optionalDependencies?: Record<string, string>;
    }
  >;
};

describe('package-lock.json', () => {
  test('asks for exactly the dependencies package.json names, at the same ranges', () => {
    const root = lock.packages[''];
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(root?.dependencies).toEqual(pkg.dependencies);
    expect(root?.devDependencies).toEqual(pkg.devDependencies);
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
    }
  });

  test('holds every optional dependency it names, the native builds for Linux, macOS and Windows included', () => {
    // npm ci stops with 'Missing: <name> from lock file' when one is named but not there (npm writes only the
    // builds for the system it ran on unless told otherwise).
    const named = Object.entries(lock.packages).flatMap(([path, entry]) => Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ path, name })));
    expect(named.some((n) => /darwin/.test(n.name)) && named.some((n) => /win32/.test(n.name))).toBe(true);
    const missing = named.filter(({ path, name }) => !lock.packages[`${path ? `${path}/` : ''}node_modules/${name}`] && !lock.packages[`node_modules/${name}`]);
    expect(missing).toEqual([]);
  });
});
