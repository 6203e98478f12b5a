/**
 * The switch for the row-by-row account (proposed rows and their fates). On by default while the
 * Before tables are small (ACCOUNT_AUTO_ROWS in src/engine/why.ts); switching it runs again.
 */
export function AccountSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <p className="account-switch">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} /> Row-by-row account
      </label>{' '}
      <span className="muted">
        (proposed rows and their fates;{' '}
        {on ? 'switch it off to make large runs faster' : 'switch it on to record them, at some cost in speed'})
      </span>
    </p>
  );
}
