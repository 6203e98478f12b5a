/** A plain textarea SQL editor: shown at once while Monaco loads, and if Monaco cannot load. */
import { useEffect, useRef } from 'react';
import { onRevealRequest } from './reveal';
import type { SqlEditorProps } from './types';

/** Textarea fallback that honours the same props as the Monaco editor. */
export function PlainEditor(props: SqlEditorProps) {
  const { label, value, onChange, onRun, marker, lines = 10, onCaret, readOnly } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = `editor-${label.replace(/\W+/g, '-').toLowerCase()}`;

  useEffect(() => {
    const el = ref.current;
    if (!el || !marker) return;
    // Make the failing statement visible without stealing focus from where the user is.
    if (document.activeElement !== el) return;
    el.setSelectionRange(marker.position ?? marker.start, marker.end);
  }, [marker]);

  useEffect(
    () =>
      onRevealRequest((name, offset) => {
        const el = ref.current;
        if (!el || name !== label) return;
        el.focus();
        el.setSelectionRange(offset, offset);
      }),
    [label],
  );

  return (
    <textarea
      ref={ref}
      id={id}
      className={`plain-editor${marker ? ' has-error' : ''}`}
      aria-label={label}
      readOnly={readOnly}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      rows={Math.min(30, Math.max(lines, value.split('\n').length + (readOnly ? 0 : 1)))}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSelect={(e) => onCaret?.(e.currentTarget.selectionStart, true)}
      onBlur={(e) => onCaret?.(e.currentTarget.selectionStart, false)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onRun();
        }
      }}
    />
  );
}
