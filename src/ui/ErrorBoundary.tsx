/**
 * The last line of defence against a blank page: an unexpected error while rendering shows what
 * went wrong and ways out — try again, reload, or start from the default scenario. None of them
 * clears storage: the autosaved work stays, and "Reset" sets it aside as "my scenario" first.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { encodeScenario } from '../scenario/link';
import { defaultScenario, sameScenario } from '../scenario/scenario';
import { reloadWithFragment } from '../persistence/history';
import { loadWorkRecord, stashOwnWork } from '../persistence/storage';
import '../share/share.css';

/** Props of ErrorBoundary. */
export interface ErrorBoundaryProps {
  children?: ReactNode;
  /** Replaces the default "Reset to default scenario" action (which reloads on the default scenario's link). */
  onReset?: () => void;
  /** Replaces the default "Reload" action (window.location.reload). */
  onReload?: () => void;
  /** Told about each error caught (for logging). */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

interface State {
  error: unknown;
  componentStack: string | null;
}

/** Catches render errors below it and offers a way out that keeps the user's work. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, componentStack: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    // `null` can be thrown too; keep a non-null marker so the fallback shows.
    return { error: error ?? new Error('An unknown error (null) was thrown.') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
    this.props.onError?.(error, info);
  }

  private readonly tryAgain = () => this.setState({ error: null, componentStack: null });

  private readonly reload = () => (this.props.onReload ? this.props.onReload() : window.location.reload());

  private readonly reset = () => {
    if (this.props.onReset) {
      this.setState({ error: null, componentStack: null });
      this.props.onReset();
      return;
    }
    resetToDefaultScenario();
  };

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (error === null) return this.props.children;
    const message =
      error instanceof Error
        ? `${error.name}: ${error.message}`
        : typeof error === 'string'
          ? error
          : JSON.stringify(error);
    const stack = error instanceof Error ? error.stack : undefined;
    return (
      <section className="share-error-boundary" role="alert" aria-labelledby="share-error-title">
        <h2 id="share-error-title">Something went wrong</h2>
        <p>The playground hit an unexpected error and stopped showing this part of the page:</p>
        <pre className="share-error-message">{message}</pre>
        <p className="share-hint">
          Your work is saved in this browser: reloading keeps it, and resetting to the default scenario keeps it one
          click away under “Back to my scenario”.
        </p>
        <div className="share-actions share-actions--start">
          <button type="button" className="share-button share-button--primary" onClick={this.tryAgain}>
            Try again
          </button>
          <button type="button" className="share-button" onClick={this.reload}>
            Reload
          </button>
          <button type="button" className="share-button" onClick={this.reset}>
            Reset to default scenario
          </button>
        </div>
        {(stack || componentStack) && (
          <details className="share-error-details">
            <summary>Technical details</summary>
            <pre>{[stack, componentStack].filter(Boolean).join('\n\nComponent stack:')}</pre>
          </details>
        )}
      </section>
    );
  }
}

/**
 * Reload on the default scenario without losing anything: the saved work is set aside as
 * "my scenario" (unless something is already set aside, which the load rules then keep).
 */
function resetToDefaultScenario(): void {
  const fresh = defaultScenario();
  const work = loadWorkRecord();
  // Recent work keeps several scenarios and no duplicates: set the work aside whatever is there.
  if (work && !sameScenario(work.scenario, fresh)) stashOwnWork(work.scenario);
  reloadWithFragment(encodeScenario(fresh));
}
