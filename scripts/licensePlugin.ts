/**
 * Build plugin: dist/THIRD-PARTY-NOTICES.txt, with the name, version, licence and licence text of
 * every package whose code is in the built site.
 *
 * rollup-plugin-license finds the packages (from the modules each chunk renders) and reads their
 * licence files. The site is several bundles: the page's, and one per worker (the engines and
 * Monaco's editor worker are built separately), so one instance runs in each build, all of them
 * reporting to one list, which the page's build writes out last (worker bundles are built while
 * the page's modules are transformed, before its output is generated).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import license, { type Dependency } from 'rollup-plugin-license';
import type { Plugin } from 'vite';

const root = join(import.meta.dirname, '..');

/** Packages whose files are copied into another package's code (not imported), by that package. */
const VENDORED: Record<string, string[]> = { 'monaco-editor': ['dompurify'] };

/**
 * Notices a package ships beside its licence (monaco-editor's ThirdPartyNotices.txt, for the code
 * it bundles from others), and those kept in scripts/notices/ for code a package contains without
 * shipping its licence (PostgreSQL inside PGlite's WebAssembly).
 */
function extraNotices(name: string): string[] {
  const texts: string[] = [];
  const dir = join(root, 'node_modules', name);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => /^third.?party.?notices/i.test(f)))
      texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  for (const inner of VENDORED[name] ?? []) {
    const innerDir = join(root, 'node_modules', inner);
    const pkg = JSON.parse(readFileSync(join(innerDir, 'package.json'), 'utf8')) as {
      version: string;
      license: string;
    };
    const file = readdirSync(innerDir).find((f) => /^licen[cs]e/i.test(f));
    texts.push(
      `${name} contains ${inner} ${pkg.version} (${pkg.license}):\n\n${file ? readFileSync(join(innerDir, file), 'utf8') : ''}`,
    );
  }
  const kept = join(root, 'scripts', 'notices', `${name.replace('/', '+')}.txt`);
  if (existsSync(kept)) texts.push(readFileSync(kept, 'utf8'));
  return texts;
}

/** The notices file's name in dist/. */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** One package's entry in the notices file. */
export function noticeEntry(dep: Dependency): string {
  const text = [dep.licenseText, dep.noticeText, ...extraNotices(dep.name ?? '')]
    .filter((t): t is string => Boolean(t?.trim()))
    .join('\n\n');
  return [
    `Package: ${dep.name ?? '(unnamed)'}`,
    `Version: ${dep.version ?? '(unknown)'}`,
    `License: ${dep.license ?? 'NONE'}`,
    '',
    text.trim() || '(The package ships no licence text.)',
  ].join('\n');
}

/** The plugins for the page's build (`page`) and for each worker build (`worker`). */
export function licensePlugins(): { page: Plugin[]; worker: () => Plugin[] } {
  const found = new Map<string, Dependency>();
  const scanner = (): Plugin =>
    license({
      thirdParty: {
        includePrivate: false,
        // A bundled package without a declared licence stops the build.
        allow: { test: (dep) => Boolean(dep.license), failOnUnlicensed: true, failOnViolation: true },
        output: (deps) => {
          for (const dep of deps) found.set(`${dep.name ?? ''}@${dep.version ?? ''}`, dep);
        },
      },
    }) as Plugin;
  const writer: Plugin = {
    name: 'upsert-third-party-notices',
    apply: 'build',
    enforce: 'post',
    generateBundle() {
      const deps = [...found.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      const head = [
        'Third-party software in this site',
        '',
        'The built site contains code from the packages below, each under its own licence, given',
        'in full after its name. The project itself is MIT-licensed (see LICENSE in its source).',
        `Packages: ${deps.length}`,
      ].join('\n');
      const rule = `\n\n${'='.repeat(78)}\n\n`;
      this.emitFile({
        type: 'asset',
        fileName: NOTICES_FILE,
        source: [head, ...deps.map(noticeEntry)].join(rule) + '\n',
      });
    },
  };
  return { page: [{ ...scanner(), apply: 'build' }, writer], worker: () => [scanner()] };
}
