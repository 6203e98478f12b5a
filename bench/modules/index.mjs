// The benchmark's modules, in the order they run and appear in docs/BENCHMARK.md. Each is a file
// in this folder whose default export is a bench module (see bench/README.md):
//   { name, title, optIn?, run(env) → results, summarise(results, env) → rows, details?(results, env) → Markdown }
// To add one: write bench/modules/<name>.mjs and add its name here (one line).
// One name per line, so that modules added by different people merge without a conflict.
// prettier-ignore
export const MODULES = [
  'cold-sqlite',
  'cold-sw',
  'embed',
  'cold-postgres',
  'switch',
  'warm',
  'typing',
  'interactions',
  'bulk',
  'account',
  'limit',
  'million',
];
