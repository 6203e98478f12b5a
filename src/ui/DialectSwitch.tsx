/** The "Dialect" radio group (a stable accessible contract: radios "SQLite" and "PostgreSQL"). */
import type { Dialect } from '../engine/types';

const OPTIONS: { value: Dialect; name: string; note: string }[] = [
  { value: 'sqlite', name: 'SQLite', note: '3.54 (sql.js)' },
  { value: 'postgres', name: 'PostgreSQL', note: '18 (PGlite)' },
];

/** Segmented control of native radios. */
export function DialectSwitch({
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
          <span className="seg-note" id={`dialect-note-${o.value}`}>
            {o.note}
          </span>
        </label>
      ))}
    </div>
  );
}
