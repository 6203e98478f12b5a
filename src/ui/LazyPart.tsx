/**
 * A part of the page loaded on demand (React.lazy): a calm note while its code loads, and a short
 * message instead of a crashed page if the code cannot be fetched (offline, a redeployed site).
 */
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import type { LazyModule } from '../lib/lazyModule';
import { useLazyModule } from '../lib/useLazyModule';

/** Props of LazyPart. */
export interface LazyPartProps {
  /** What is loading, for the note and the failure message ("the examples"). */
  what: string;
  /** 'inline' takes a line in the flow; 'overlay' floats (for dialogs), so nothing moves. */
  placement?: 'inline' | 'overlay';
  children: ReactNode;
}

const OVERLAY_STYLE = {
  position: 'fixed',
  insetInlineEnd: '1rem',
  insetBlockEnd: '1rem',
  margin: 0,
  padding: '0.4rem 0.75rem',
  borderRadius: '6px',
  background: 'Canvas',
  boxShadow: '0 2px 8px rgb(0 0 0 / 0.2)',
  zIndex: 20,
} as const;

/** The note shown while a part's code loads. */
export function LoadingNote({ what, style }: { what: string; style?: object | undefined }) {
  return (
    <p className="muted lazy-loading" role="status" style={style}>
      Loading {what}…
    </p>
  );
}

/** The message shown instead of a part whose code could not be fetched. */
export function LoadFailedNote({ what, style }: { what: string; style?: object | undefined }) {
  return (
    <p className="banner banner-error" role="alert" style={style}>
      Could not load {what}: check the connection, then reload the page.
    </p>
  );
}

class LoadFailure extends Component<
  { what: string; style: object | undefined; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Loading ${this.props.what} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <LoadFailedNote what={this.props.what} style={this.props.style} />;
  }
}

/** Suspense with a one-line fallback, and a failure message scoped to this part. */
export function LazyPart({ what, placement = 'inline', children }: LazyPartProps) {
  const style = placement === 'overlay' ? OVERLAY_STYLE : undefined;
  return (
    <LoadFailure what={what} style={style}>
      <Suspense fallback={<LoadingNote what={what} style={style} />}>{children}</Suspense>
    </LoadFailure>
  );
}

/** Props of ModulePart. */
export interface ModulePartProps<M> {
  /** The module as useLazyModule gives it. */
  module: M | 'failed' | null;
  what: string;
  placement?: 'inline' | 'overlay';
  /** The part, once its module is there. */
  children: (m: M) => ReactNode;
}

/**
 * A part whose module is held in state (useLazyModule): shown as soon as the module is there, the
 * loading note until then, the failure message if it could not be fetched; errors inside it are
 * caught as in LazyPart.
 */
export function ModulePart<M>({ module, what, placement = 'inline', children }: ModulePartProps<M>) {
  const style = placement === 'overlay' ? OVERLAY_STYLE : undefined;
  if (module === 'failed') return <LoadFailedNote what={what} style={style} />;
  if (module === null) return <LoadingNote what={what} style={style} />;
  return (
    <LoadFailure what={what} style={style}>
      {children(module)}
    </LoadFailure>
  );
}

/** Props of DeferredPart. */
export interface DeferredPartProps<M> {
  /** The part's code (deferred.ts: loaded ahead on idle after the first result). */
  module: LazyModule<M>;
  /** The part has something to show: load its code now if it is not there yet. */
  when: boolean;
  what: string;
  placement?: 'inline' | 'overlay';
  children: (m: M) => ReactNode;
}

/**
 * A part that shows nothing on the first screen (a note after a dialect switch, a dialog opened on
 * demand): nothing while `when` is false; then the part, at once if its code was loaded ahead, else
 * as soon as it arrives (no loading note: it would flash before a part that usually comes at once).
 */
export function DeferredPart<M>({ module, when, what, placement, children }: DeferredPartProps<M>) {
  const code = useLazyModule(module, when, what);
  if (!when || code === null) return null;
  return (
    <ModulePart module={code} what={what} placement={placement ?? 'inline'}>
      {children}
    </ModulePart>
  );
}
