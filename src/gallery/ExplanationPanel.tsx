/**
 * The panel beside the results that says what an example shows and where to look in the
 * Before/After tables. For a one-dialect example viewed in the other dialect it gives the reason.
 */
import { Fragment } from 'react';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { dialectFor, exampleHash, splitCode } from './gallery';
import { TAG_LABEL, type Example } from './types';
import './gallery.css';

/** Props of ExplanationPanel. */
export interface ExplanationPanelProps {
  example: Example;
  /** The dialect the playground currently shows. */
  dialect: Dialect;
}

/** A paragraph with `backticks` rendered as <code>. */
function Paragraph({ text }: { text: string }) {
  return (
    <p>
      {splitCode(text).map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </p>
  );
}

/** The explanation of an example for one dialect. */
export function ExplanationPanel({ example, dialect }: ExplanationPanelProps) {
  const variant = example.dialects[dialect];
  const needed = dialectFor(example, dialect);
  return (
    <section aria-label="Explanation" className="gallery-explanation">
      <header>
        <p className="gallery-kicker">
          Example · <a href={exampleHash(example.id)}>link to this example</a>
        </p>
        <h2>{example.title}</h2>
        <p className="gallery-meta">
          {example.tags.map((t) => (
            <span key={t} className="gallery-tag">
              {TAG_LABEL[t]}
            </span>
          ))}
        </p>
      </header>
      {variant ? (
        variant.explanation.map((p, i) => <Paragraph key={i} text={p} />)
      ) : (
        <div className="gallery-unsupported" role="note">
          <p>
            <strong>This example needs {DIALECT_LABEL[needed]}.</strong>
          </p>
          {example.reason && <Paragraph text={example.reason} />}
          <p>
            The editor shows the nearest {DIALECT_LABEL[dialect]} attempt, which fails. Switch to{' '}
            {DIALECT_LABEL[needed]} to run the example and read its explanation.
          </p>
        </div>
      )}
    </section>
  );
}
