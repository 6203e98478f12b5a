/**
 * A value shown cut (too long for the page): the kept first characters, a marker saying how much
 * of how much is shown, and buttons that fetch the whole value from the engine to copy or save it.
 */
import { useState } from 'react';
import type { Value } from '../engine/types';
import { bytesOf, isBlob } from '../engine/values';
import { copyTextLater } from '../lib/clipboard';
import { downloadBlob, downloadText } from '../share/download';
import type { ShownCut } from './cutCells';
import { formatCount, valueText } from './format';

interface Status {
  text: string;
  /** Something went wrong (an alert), not a confirmation. */
  problem: boolean;
}

const GONE = 'That value is gone: the engine has run again since. Run again to get it.';

/** The whole text of a cut value (only text and blobs are ever cut). */
const textOf = (v: Value): string => (typeof v === 'string' ? v : valueText(v));

/** "(10,000 of 200,000 characters)": how much of the whole value the page holds. */
function markerText(value: Value, cut: ShownCut): string {
  const { blob, length } = cut.cell;
  if (blob) {
    const kept = isBlob(value) ? value.blob.length / 2 : 0;
    return `(${formatCount(kept)} of ${formatCount(length)} bytes)`;
  }
  const kept = typeof value === 'string' ? value.length - (value.endsWith('…') ? 1 : 0) : 0;
  return `(${formatCount(kept)} of ${formatCount(length)} characters)`;
}

/** The content of a cut cell; `actions` false for an old value shown again beside its new one. */
export function CutValue({
  value,
  cut,
  as: Wrap = 'span',
  actions = true,
}: {
  value: Value;
  cut: ShownCut;
  /** The element around the text (del: a deleted or old value, ins: a new one). */
  as?: 'span' | 'del' | 'ins';
  actions?: boolean;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const { blob, length } = cut.cell;

  /** Wait for the whole value, then hand it to `withWhole`; what it says (or why it could not) goes in the status. */
  const act = async (fetching: Promise<Value | null>, withWhole: (whole: Value) => Promise<Status> | Status) => {
    setBusy(true);
    setStatus(null);
    try {
      const whole = await fetching;
      setStatus(whole === null ? { text: GONE, problem: true } : await withWhole(whole));
    } catch (e) {
      setStatus({
        text: `The value could not be fetched: ${e instanceof Error ? e.message : String(e)}`,
        problem: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const copy = () => {
    if (busy) return;
    // The clipboard write starts here, within the click, with the text still to come (see copyTextLater).
    const fetching = cut.fetch();
    const copied = copyTextLater(
      fetching.then((whole) => {
        if (whole === null) throw new Error(GONE);
        return isBlob(whole) ? whole.blob : textOf(whole);
      }),
    );
    return act(fetching, async () =>
      (await copied)
        ? { text: `Copied ${formatCount(length)} ${blob ? 'bytes as hex digits' : 'characters'}.`, problem: false }
        : { text: 'The browser did not allow copying: use Download whole value to save it.', problem: true },
    );
  };

  const download = () => {
    if (busy) return;
    return act(cut.fetch(), (whole) => {
      if (isBlob(whole)) downloadBlob(cut.fileName, new Blob([bytesOf(whole)], { type: 'application/octet-stream' }));
      else downloadText(cut.fileName, textOf(whole), 'text/plain');
      return { text: `Saved as ${cut.fileName}.`, problem: false };
    });
  };

  const marker = markerText(value, cut);
  return (
    <span className="cut-value" aria-busy={busy || undefined}>
      <Wrap className="cut-text">{valueText(value)}</Wrap>
      <span
        className="cut-marker"
        title={`Cut for display. Copy or download gets the whole value, all ${formatCount(length)} ${blob ? 'bytes' : 'characters'}.`}
      >
        {marker}
      </span>
      {actions && (
        <>
          <span className="cut-actions">
            <button type="button" className="cut-button" aria-label="Copy whole value" onClick={() => void copy()}>
              Copy
            </button>
            <button
              type="button"
              className="cut-button"
              aria-label="Download whole value"
              onClick={() => void download()}
            >
              Download
            </button>
          </span>
          <span className="cut-status" role="status">
            {status && !status.problem ? status.text : ''}
          </span>
          {status?.problem && (
            <span className="cut-problem" role="alert">
              {status.text}
            </span>
          )}
        </>
      )}
    </span>
  );
}
