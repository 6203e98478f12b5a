/**
 * Runs SQLite's Tcl test files (do_execsql_test / do_catchsql_test cases) through the
 * playground's engine API the way SQLite's tester.tcl runs them: the cases of a file share one
 * database until reset_db, each case's SQL runs statement by statement and stops at its first
 * error (`db eval`), and the flat list of every returned value is compared with the expected Tcl
 * list. Engine.run starts from a clean database, so each run replays, as its setup, every
 * statement that took effect before the case.
 *
 * A small Tcl reader, not Tcl: braces, quotes, comments, `$var` and `foreach` over literal lists
 * are understood; a case that needs anything else (Tcl procedures, `do_test` bodies, SQL
 * functions registered from Tcl, test-control hooks, capabilities such as rtree or fts5) is
 * skipped and counted.
 */
import type { Engine, Value } from '../../src/engine/types';

interface Word {
  text: string;
  braced: boolean;
}

/** Split Tcl text into commands of words (braces nest, quotes group, '#' starts a comment). */
function tclCommands(src: string): Word[][] {
  const cmds: Word[][] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    while (i < n && /[\s;]/.test(src[i]!)) i++;
    if (i >= n) break;
    if (src[i] === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    const words: Word[] = [];
    while (i < n && src[i] !== '\n' && src[i] !== ';') {
      if (src[i] === ' ' || src[i] === '\t' || src[i] === '\r') {
        i++;
        continue;
      }
      if (src[i] === '\\' && src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (src[i] === '{') {
        let depth = 1;
        let j = i + 1;
        while (j < n && depth > 0) {
          if (src[j] === '\\') j++;
          else if (src[j] === '{') depth++;
          else if (src[j] === '}') depth--;
          j++;
        }
        words.push({ text: src.slice(i + 1, j - 1), braced: true });
        i = j;
      } else if (src[i] === '"') {
        let j = i + 1;
        while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
        words.push({ text: src.slice(i + 1, j), braced: false });
        i = j + 1;
      } else {
        let j = i;
        let brackets = 0;
        while (j < n && (brackets > 0 || !/[\s;]/.test(src[j]!))) {
          if (src[j] === '[') brackets++;
          else if (src[j] === ']') brackets--;
          j++;
        }
        words.push({ text: src.slice(i, j), braced: false });
        i = j;
      }
    }
    if (words.length) cmds.push(words);
  }
  return cmds;
}

/** A Tcl list's elements. */
function tclList(text: string): string[] {
  return tclCommands(text.replace(/\n/g, ' '))
    .flat()
    .map((w) => (w.braced ? w.text : w.text.replace(/\\(.)/g, '$1')));
}

/** Tcl's text for a value as SQLite's Tcl interface returns it. */
function tclValue(v: Value, nullText: string): string {
  if (v === null) return nullText;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if ('real' in v) return tclDouble(v.real);
  // A blob: its bytes as a string (the tests use text-compatible blobs).
  return v.blob.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * A double as Tcl writes it (Tcl_PrintDouble with tcl_precision 0, as SQLite's Tcl interface
 * returns a REAL): the shortest digits that read back, exponent form below 1e-4 and from 1e17
 * ("1e+20", "1e-05"), else fixed with ".0" when there is no fraction ("555.0").
 */
function tclDouble(r: number): string {
  if (!Number.isFinite(r)) return Number.isNaN(r) ? 'NaN' : r > 0 ? 'Inf' : '-Inf';
  if (r === 0) return Object.is(r, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = r.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 17) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const s = r.toFixed(Math.max(0, mantissa.replace(/^-?\d\.?/, '').length - exp));
  return s.includes('.') ? s : `${s}.0`;
}

/** What running one Tcl test file gave. */
export interface TclReport {
  file: string;
  cases: number;
  same: number;
  skipped: { name: string; why: string }[];
  differences: string[];
}

/** Capabilities of the playground's sql.js build that the files ask about with ifcapable. */
const CAPABLE = new Set(['upsert', 'returning', 'json1', 'vtab', 'cte', 'windowfunc']);

class Skip extends Error {}

/** Run one Tcl test file through `engine`. */
export async function runTclFile(engine: Engine, file: string, text: string): Promise<TclReport> {
  const report: TclReport = { file, cases: 0, same: 0, skipped: [], differences: [] };
  let replay: string[] = []; // statements that took effect on the current database
  let nullText = '';
  let hooked = false; // a test-only hook was set on this database: its cases are skipped

  const subst = (w: Word, vars: Map<string, string>): string => {
    if (w.braced) return w.text;
    if (w.text.includes('[')) throw new Skip('a Tcl command substitution');
    return w.text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(?:\(([^)]*)\))?/g, (m, name: string, index?: string) => {
      // An array element: $name($i) is the variable "name(<value of i>)".
      const key =
        index === undefined
          ? name
          : `${name}(${index.replace(/\$([A-Za-z_]\w*)/g, (_, v: string) => vars.get(v) ?? '')})`;
      const v = vars.get(key);
      if (v === undefined) throw new Skip(`the Tcl variable ${m}`);
      return v;
    });
  };

  /** Run SQL as `db eval` does on the current database: the flat values, or the first error. */
  const evalSql = async (sql: string): Promise<{ ok: true; values: string[] } | { ok: false; message: string }> => {
    if (/(^|[^'"\w])[$:@][A-Za-z_]/.test(sql.replace(/'[^']*'/g, "''")))
      throw new Skip('SQL parameters bound from Tcl variables');
    const r = await engine.run({ setup: replay.map((s) => `${s};\n`).join(''), statement: sql, rowLimit: 100_000 });
    if (r.error && r.error.phase !== 'statement')
      throw new Error(`${file}: replaying the database failed: ${r.error.message}`);
    const values: string[] = [];
    for (const s of r.statements) {
      if (s.error) break;
      replay.push(s.sql);
      for (const row of s.rows) for (const v of row) values.push(tclValue(v, nullText));
    }
    // A script may leave a transaction open (tester.tcl's db stays in it): its statements stay in the replay.
    return r.error ? { ok: false, message: r.error.message } : { ok: true, values };
  };

  const compare = (_name: string, got: string[], expected: string): boolean => {
    const want = expected.trim();
    if (want.startsWith('/') && want.endsWith('/')) return new RegExp(want.slice(1, -1)).test(got.join(' '));
    const list = tclList(expected);
    return list.length === got.length && list.every((x, k) => x === got[k]);
  };

  const exec = async (cmds: Word[][], vars: Map<string, string>): Promise<void> => {
    for (const words of cmds) {
      const name = words[0]!.text;
      const caseName = words[1] ? words[1].text : '?';
      try {
        switch (name) {
          case 'do_execsql_test':
          case 'do_catchsql_test': {
            report.cases++;
            if (hooked) throw new Skip('a test-only hook set on the database');
            const label = subst(words[1]!, vars);
            const sql = subst(words[2]!, vars);
            const expected = words[3] ? subst(words[3], vars) : ''; // no expected list: no rows
            const r = await evalSql(sql);
            let got: string[];
            if (name === 'do_execsql_test') got = r.ok ? r.values : ['ERROR', r.message];
            else
              got = r.ok
                ? ['0', r.values.map((v) => (/[\s{}"]/.test(v) || v === '' ? `{${v}}` : v)).join(' ')]
                : ['1', r.message];
            const ok = name === 'do_execsql_test' ? compare(label, got, expected) : compareCatch(got, expected);
            if (ok) report.same++;
            else if (report.differences.length < 12)
              report.differences.push(`${file} ${label}: expected ${expected.trim()} got ${JSON.stringify(got)}`);
            break;
          }
          case 'execsql':
          case 'catchsql':
            await evalSql(subst(words[1]!, vars));
            break;
          case 'db':
            if (words[1]?.text === 'eval') await evalSql(subst(words[2]!, vars));
            else if (words[1]?.text === 'null') nullText = subst(words[2]!, vars);
            else if (words[1]?.text === 'close') replay = [];
            else throw new Skip(`db ${words[1]?.text}`);
            break;
          case 'reset_db':
          case 'sqlite3':
            replay = [];
            nullText = '';
            hooked = false;
            break;
          case 'foreach': {
            if (words.length !== 4) throw new Skip('foreach over several lists');
            const names = tclList(subst(words[1]!, vars));
            const values = tclList(subst(words[2]!, vars));
            const body = tclCommands(words[3]!.text);
            for (let k = 0; k < values.length; k += names.length) {
              const scope = new Map(vars);
              names.forEach((v, j) => scope.set(v, values[k + j] ?? ''));
              await exec(body, scope);
            }
            break;
          }
          case 'ifcapable': {
            if (words.length !== 3) throw new Skip('ifcapable with else');
            const expr = words[1]!.text.trim();
            const negated = expr.startsWith('!');
            const capable = CAPABLE.has(negated ? expr.slice(1) : expr);
            const body = tclCommands(words[2]!.text);
            if (capable !== negated) await exec(body, vars);
            else
              for (const c of body)
                if (/^do_\w+_test$/.test(c[0]!.text)) skip(c[1]?.text ?? '?', `needs the capability "${expr}"`);
            break;
          }
          case 'set':
            if (words.length === 3) vars.set(subst(words[1]!, vars), subst(words[2]!, vars));
            break;
          case 'sqlite3_test_control':
          case 'sqlite3_db_config':
          case 'optimization_control':
            hooked = true;
            break;
          case 'source':
          case 'finish_test':
          case 'breakpoint':
          case 'forcedelete':
          case 'proc':
            break;
          default:
            if (/^do_\w+_test$/.test(name)) skip(caseName, `${name} (a Tcl test body)`);
        }
      } catch (e) {
        if (!(e instanceof Skip)) throw e;
        if (name === 'do_execsql_test' || name === 'do_catchsql_test') {
          report.cases--;
          skip(caseName, e.message);
        }
      }
    }
  };
  const skip = (name: string, why: string): void => {
    report.cases++;
    report.skipped.push({ name, why });
  };

  await exec(
    tclCommands(
      text
        .split('\n')
        .filter((l) => !l.startsWith('#@upstream'))
        .join('\n'),
    ),
    new Map([['testprefix', '']]),
  );
  return report;
}

/** do_catchsql_test's expected {0 {values}} or {1 {message}}. */
function compareCatch(got: string[], expected: string): boolean {
  const whole = expected.trim();
  if (whole.startsWith('/') && whole.endsWith('/')) return new RegExp(whole.slice(1, -1)).test(got.join(' '));
  const want = tclList(expected);
  if (want[0] !== got[0]) return false;
  if (want[0] === '1') {
    const w = want[1] ?? '';
    return w.startsWith('/') && w.endsWith('/') ? new RegExp(w.slice(1, -1)).test(got[1]!) : w === got[1];
  }
  const a = tclList(want[1] ?? '');
  const b = tclList(got[1] ?? '');
  return a.length === b.length && a.every((x, k) => x === b[k]);
}
