/** What the page shows while a file is dragged over it (DropZone.tsx listens; this loads on idle or with the first drag). */
import './dropOverlay.css';

/** "Drop to import", over the whole page; the pointer goes through it to the page. */
export function DropOverlay() {
  return (
    <div className="share-drop-overlay" aria-hidden="true">
      <div className="share-drop-overlay__box">
        <strong>Drop to import</strong>
        <span>a .json scenario, or a .sql script as the setup</span>
      </div>
    </div>
  );
}
