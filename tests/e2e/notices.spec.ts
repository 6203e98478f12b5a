import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** The entries of THIRD-PARTY-NOTICES.txt: name, version, licence and the text after them. */
function entries(text: string): { name: string; version: string; license: string; body: string }[] {
  return text
    .split(/\n={78}\n/)
    .slice(1)
    .map((block) => {
      const m = /^\s*Package: (.+)\nVersion: (.+)\nLicense: (.+)\n([\s\S]*)$/.exec(block);
      if (!m) throw new Error(`An entry without name, version and licence:\n${block.slice(0, 300)}`);
      return { name: m[1]!, version: m[2]!, license: m[3]!, body: m[4]!.trim() };
    });
}

test('the site serves third-party notices: every bundled package with its version, licence and licence text', async ({
  request,
}) => {
  const res = await request.get('./THIRD-PARTY-NOTICES.txt');
  expect(res.ok()).toBe(true);
  const found = entries(await res.text());
  const byName = new Map(found.map((e) => [e.name, e]));
  // Every runtime dependency is bundled (the site has no server to fetch anything else from).
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  for (const name of [...Object.keys(pkg.dependencies), 'scheduler']) {
    const entry = byName.get(name);
    expect(entry, `${name} has an entry`).toBeDefined();
    const installed = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    expect(entry!.version).toBe(installed.version);
  }
  for (const e of found) {
    expect(e.license, `${e.name}'s licence`).not.toBe('NONE');
    expect(e.body, `${e.name}'s licence text`).not.toBe('(The package ships no licence text.)');
    expect(e.body.length, `${e.name}'s licence text`).toBeGreaterThan(200);
  }
  expect(byName.get('sql-parser-cst')?.license).toBe('GPL-2.0-or-later');
  expect(byName.get('sql-parser-cst')?.body).toContain('GNU GENERAL PUBLIC LICENSE');
  // Code inside packages that do not ship its licence: PostgreSQL in PGlite, DOMPurify in Monaco.
  expect(byName.get('@electric-sql/pglite')?.body).toContain('PostgreSQL Licence');
  expect(byName.get('monaco-editor')?.body).toContain('contains dompurify');
});
