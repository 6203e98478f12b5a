/**
 * The SQL editor the app uses: a plain textarea at once, replaced by Monaco once `enhanced` turns
 * on (after the first result) and Monaco has loaded. The caret and focus carry over.
 */
import { Component, lazy, Suspense, useRef, type ReactNode } from 'react';
import { PlainEditor } from './PlainEditor';
import type { SqlEditorProps } from './types';

const MonacoSqlEditor = lazy(() => import('./MonacoSqlEditor'));

/** Falls back to the plain editor if Monaco fails to load or crashes. */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** SQL editor with lazy Monaco enhancement. */
export function SqlEditor(props: SqlEditorProps & { enhanced: boolean }) {
  const { enhanced, ...rest } = props;
  const caret = useRef<{ offset: number; focused: boolean } | null>(null);
  const track = (offset: number, focused: boolean) => {
    caret.current = { offset, focused };
    rest.onCaret?.(offset, focused);
  };
  const plain = <PlainEditor {...rest} onCaret={track} />;
  if (!enhanced) return <div className="editor-frame">{plain}</div>;
  const initialCaret = () => (caret.current?.focused ? caret.current.offset : null);
  return (
    <div className="editor-frame">
      <EditorBoundary fallback={plain}>
        <Suspense fallback={plain}>
          <MonacoSqlEditor {...rest} onCaret={track} initialCaret={initialCaret} />
        </Suspense>
      </EditorBoundary>
    </div>
  );
}
