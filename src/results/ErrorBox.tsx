/** An engine error, as the engine reported it, with where it happened. */
import type { EngineError } from '../engine/types';

const PHASE: Record<EngineError['phase'], string> = {
  setup: 'Setup SQL',
  statement: 'Statement SQL',
  engine: 'Engine',
  timeout: 'Time limit',
};

/** Where the error happened, in words: "Statement SQL, statement 2, line 3, column 8". */
function errorLocation(e: EngineError): string {
  const parts: string[] = [PHASE[e.phase]];
  if (e.statementIndex !== undefined) parts.push(`statement ${e.statementIndex + 1}`);
  if (e.line !== undefined) parts.push(`line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}`);
  return parts.join(', ');
}

/** The error alert (role="alert" is a stable contract). */
export function ErrorBox({ error, onShow }: { error: EngineError; onShow?: () => void }) {
  const title =
    error.phase === 'timeout'
      ? 'Run stopped'
      : error.phase === 'engine'
        ? 'Engine problem'
        : `Error in ${PHASE[error.phase]}`;
  return (
    <div role="alert" className={`error-box error-${error.phase}`}>
      <p className="error-title">
        <strong>{title}</strong>
        {error.phase !== 'engine' && error.phase !== 'timeout' && (
          <span className="error-where"> — {errorLocation(error)}</span>
        )}
        {error.code && (
          <code className="error-code" title="SQLSTATE or SQLite result code">
            {error.code}
          </code>
        )}
      </p>
      <p className="error-message">{error.message}</p>
      {error.detail && (
        <p className="error-extra">
          <span className="label">Detail:</span> {error.detail}
        </p>
      )}
      {error.hint && (
        <p className="error-extra">
          <span className="label">Hint:</span> {error.hint}
        </p>
      )}
      {error.internalQuery && (
        <p className="error-extra">
          <span className="label">
            Query{error.internalPosition !== undefined ? ` (error at character ${error.internalPosition})` : ''}:
          </span>{' '}
          <code className="error-query">{error.internalQuery}</code>
        </p>
      )}
      {error.context && (
        <p className="error-extra error-context">
          <span className="label">Context:</span> {error.context}
        </p>
      )}
      {onShow && error.span && (
        <button type="button" className="link-button" onClick={onShow}>
          Show in editor
        </button>
      )}
    </div>
  );
}
