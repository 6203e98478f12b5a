/**
 * The "Dialect" radio group (a stable accessible contract: radios "SQLite" and "PostgreSQL"). Each
 * note names the engine's build and, once it has started, the version the engine itself reports.
 */
import { memo } from 'react';
import type { Dialect } from '../engine/types';
import { useEngines } from '../state/engineContext';
import { useEngineInfo } from '../state/useEngineInfo';

const OPTIONS: { value: Dialect; name: string; build: string }[] = [
  { value: 'sqlite', name: 'SQLite', build: 'sql.js' },
  { value: 'postgres', name: 'PostgreSQL', build: 'PGlite' },
];

/** "3.50.4 (sql.js)" from the engine's "SQLite 3.50.4"; the build alone until the engine has started. */
function versionNote(name: string, build: string, version: string | null): string {
  const v = version?.startsWith(`${name} `) ? version.slice(name.length + 1).replace(/\s*\(.*\)$/, '') : null;
  return v ? `${v} (${build})` : build;
}

function Note({ dialect, name, build }: { dialect: Dialect; name: string; build: string }) {
  const info = useEngineInfo(useEngines()[dialect]);
  return (
    <span className="seg-note" id={`dialect-note-${dialect}`}>
      {versionNote(name, build, info.version)}
    </span>
  );
}

/** Segmented control of native radios. */
export const DialectSwitch = memo(function DialectSwitch({
  value,
  onChange,
  disabled,
}: {
  value: Dialect;
  onChange: (d: Dialect) => void;
  disabled?: boolean;
}) {
  return (
    <div role="radiogroup" aria-label="Dialect" className="segmented">
      {OPTIONS.map((o) => (
        <label key={o.value} className={value === o.value ? 'seg seg-on' : 'seg'}>
          <input
            type="radio"
            name="dialect"
            value={o.value}
            checked={value === o.value}
            disabled={disabled}
            onChange={() => onChange(o.value)}
            aria-label={o.name}
            aria-describedby={`dialect-note-${o.value}`}
          />
          <span aria-hidden="true">{o.name}</span>
          <Note dialect={o.value} name={o.name} build={o.build} />
        </label>
      ))}
    </div>
  );
});
