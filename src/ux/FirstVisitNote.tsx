/** A line for a first visit: what Setup and Statement are, and that every Run starts afresh. */
import { useState } from 'react';
import { readPref, writePref } from './prefs';
import './ux.css';

const KEY = 'intro-seen';

/** Shown until dismissed (remembered in this browser). */
export function FirstVisitNote() {
  const [shown, setShown] = useState(() => readPref(KEY) === null);
  if (!shown) return null;
  return (
    <div className="first-visit" role="note" aria-label="How the playground runs">
      <p>
        <strong>Setup SQL</strong> creates the tables and rows; the <strong>Statement</strong> is the upsert you are
        trying. Every Run starts from a fresh, empty database and runs the setup again, then the statement, and shows
        each table before and after it.
      </p>
      <button
        type="button"
        className="tool-button"
        onClick={() => {
          writePref(KEY, '1');
          setShown(false);
        }}
      >
        Got it
      </button>
    </div>
  );
}
