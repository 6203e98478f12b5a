/**
 * The Monaco SQL editor, bundled from npm (no CDN) and loaded lazily: the first result never
 * waits for it. Only the editor features a SQL playground needs are registered, to keep it small.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { followSize } from './layoutQueue';
import { onRevealRequest } from './reveal';
import type { SqlEditorProps } from './types';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const LINE_HEIGHT = 19;
const MAX_LINES = 30;
/** Texts longer than this (characters) are put into the editor a task after the page's update. */
const LARGE_TEXT_CHARS = 200_000;

const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** Monaco-backed SQL editor implementing the shared editor props. */
export default function MonacoSqlEditor(props: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The latest props, for Monaco's listeners (the editor is created once).
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  // Texts this editor reported since the store last caught up with it. A render may commit an
  // older one of them while typing goes on (React renders concurrently); that is not an outside
  // change, and writing it back would drop keystrokes and move the caret.
  const emitted = useRef<string[]>([]);

  useEffect(() => {
    const el = host.current!;
    // The model is made here, not by the editor: an editor disposes a model it made itself when it
    // lets go of it, and a large text goes in while the editor lets go of the model (replaceLarge).
    const model = monaco.editor.createModel(latest.current.value, 'sql');
    const editor = monaco.editor.create(el, {
      model,
      ariaLabel: latest.current.label,
      theme: dark() ? 'vs-dark' : 'vs',
      // Laid out to its box's size by followSize (one resized editor per frame).
      automaticLayout: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: LINE_HEIGHT,
      lineNumbersMinChars: 3,
      tabSize: 2,
      renderLineHighlight: 'line',
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      overviewRulerLanes: 1,
      padding: { top: 6, bottom: 6 },
      // A bracket closed for you on the line you open it is left behind when the list goes on over
      // several lines and is closed by hand with `);`: SQL is written that way, so no auto-closing.
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
    });
    editorRef.current = editor;
    const stopFollowing = followSize(el, editor);
    decorations.current = editor.createDecorationsCollection();
    editor.onDidChangeModelContent(() => {
      const v = editor.getValue();
      if (v === latest.current.value) return;
      emitted.current.push(v);
      if (emitted.current.length > 200) emitted.current.shift();
      latest.current.onChange(v);
    });
    editor.onDidChangeCursorPosition(() => {
      const at = editor.getPosition();
      if (at) latest.current.onCaret?.(model.getOffsetAt(at), editor.hasTextFocus());
    });
    editor.addAction({
      id: 'upsert-playground.run',
      label: 'Run scenario',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onRun(),
    });
    // Esc, then Tab (or Shift+Tab), leaves the editor: Esc turns on Monaco's "Tab moves focus" for
    // this editor until another key is pressed or the editor loses focus. Ctrl+M toggles it for good.
    let leaving = false;
    const setLeaving = (on: boolean) => {
      if (leaving === on) return;
      leaving = on;
      editor.updateOptions({ tabFocusMode: on });
      latest.current.onTabLeaves?.(on);
    };
    editor.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) setLeaving(true);
      else if (e.keyCode !== monaco.KeyCode.Tab && e.keyCode !== monaco.KeyCode.Shift) setLeaving(false);
    });
    editor.onDidBlurEditorText(() => setLeaving(false));
    const stopReveal = onRevealRequest((name, offset) => {
      if (name !== latest.current.label) return;
      const at = model.getPositionAt(offset);
      editor.setPosition(at);
      editor.revealPositionInCenterIfOutsideViewport(at);
      el.scrollIntoView({ block: 'nearest' });
      editor.focus();
    });
    const caret = latest.current.initialCaret?.() ?? null;
    if (caret !== null) {
      editor.setPosition(model.getPositionAt(caret));
      editor.focus();
    }
    // Grow with the text between the minimum and maximum heights, so short scripts need no scrolling.
    const fit = () => {
      const min = (latest.current.lines ?? 10) * LINE_HEIGHT + 12;
      const h = Math.max(min, Math.min(MAX_LINES * LINE_HEIGHT + 12, editor.getContentHeight()));
      if (el.style.height !== `${h}px`) el.style.height = `${h}px`;
    };
    editor.onDidContentSizeChange(fit);
    fit();
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onScheme = () => monaco.editor.setTheme(dark() ? 'vs-dark' : 'vs');
    scheme?.addEventListener('change', onScheme);
    return () => {
      stopFollowing();
      stopReveal();
      scheme?.removeEventListener('change', onScheme);
      editor.dispose();
      model.dispose();
    };
  }, []);

  // Outside changes (an example, a link, an import) replace the text as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const value = props.value;
    const model = editor.getModel();
    if (!model) return;
    // Whether the text needs replacing (the length first: reading a large text out is not free).
    const needed = () => {
      if (model.getValueLength() === value.length && model.getValue() === value) {
        emitted.current = [];
        return false;
      }
      // An older text this editor reported itself: not an outside change.
      if (emitted.current.includes(value)) return false;
      emitted.current = [];
      return true;
    };
    if (value.length <= LARGE_TEXT_CHARS) {
      if (!needed()) return;
      editor.pushUndoStop();
      editor.executeEdits('external', [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
      return;
    }
    // A large text goes in over several tasks, none of them long (with the rest of the load in one
    // task, a near-1-MB script kept the page busy for over 200 ms at a time).
    return replaceLarge(editor, model, value, needed, () =>
      showMarker(editor, decorations.current, latest.current.marker),
    );
  }, [props.value]);

  useEffect(() => {
    const editor = editorRef.current;
    // While a large text goes in, the marker is shown once the view is back (see replaceLarge).
    if (editor?.getModel()) showMarker(editor, decorations.current, props.marker);
  }, [props.marker]);

  const lines = props.lines ?? 10;
  return (
    <div ref={host} className="monaco-host" style={{ height: `${lines * LINE_HEIGHT + 12}px` }} data-editor="monaco" />
  );
}

/**
 * Put a large text into the editor a few tasks from now: the model takes it while no view is
 * attached (the view would lay out every line in the same task), the undo step is closed in the
 * next task, and the view comes back in the one after, with the caret at the start. Undo still
 * brings the old text back (the model keeps its undo steps). Returns the cleanup: called early, it
 * finishes at once, so the editor is never left without its view.
 */
function replaceLarge(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  value: string,
  needed: () => boolean,
  reattached: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let focused = false;
  const later = (step: () => void) => {
    timer = setTimeout(() => {
      timer = null;
      step();
    }, 0);
  };
  const attach = () => {
    if (model.isDisposed()) return;
    editor.setModel(model);
    reattached();
    if (focused) editor.focus();
  };
  const close = () => {
    if (!model.isDisposed()) model.pushStackElement();
  };
  let finish: (() => void) | null = null;
  later(() => {
    if (!needed() || model.isDisposed()) return;
    focused = editor.hasTextFocus();
    editor.setModel(null);
    finish = () => {
      close();
      attach();
    };
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    later(() => {
      close();
      finish = attach;
      later(() => {
        finish = null;
        attach();
      });
    });
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    finish?.();
  };
}

/** Show the run's error on its statement (marker and whole-line decoration), or clear it. */
function showMarker(
  editor: monaco.editor.IStandaloneCodeEditor,
  decorations: monaco.editor.IEditorDecorationsCollection | null,
  m: SqlEditorProps['marker'],
): void {
  const model = editor.getModel();
  if (!model) return;
  if (!m) {
    monaco.editor.setModelMarkers(model, 'run', []);
    decorations?.clear();
    return;
  }
  const len = model.getValueLength();
  const clamp = (n: number) => Math.max(0, Math.min(len, n));
  const from = model.getPositionAt(clamp(m.position ?? m.start));
  let to = model.getPositionAt(clamp(m.position !== undefined ? m.position + 1 : m.end));
  if (to.equals(from)) to = model.getPositionAt(clamp(m.end));
  monaco.editor.setModelMarkers(model, 'run', [
    {
      severity: monaco.MarkerSeverity.Error,
      message: m.message,
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: Math.max(to.column, from.lineNumber === to.lineNumber ? from.column + 1 : to.column),
    },
  ]);
  const s = model.getPositionAt(clamp(m.start));
  const e = model.getPositionAt(clamp(m.end));
  decorations?.set([
    {
      range: new monaco.Range(s.lineNumber, 1, e.lineNumber, 1),
      options: {
        isWholeLine: true,
        className: 'failing-statement-line',
        linesDecorationsClassName: 'failing-statement-gutter',
      },
    },
  ]);
  editor.revealLineInCenterIfOutsideViewport(from.lineNumber);
}
