/**
 * Drag-and-drop import: dropping a file anywhere on the page imports it, with a visible overlay
 * while a file is dragged over the window. Text dragged inside the editors is left alone. The
 * listeners are there from the start; the overlay's code loads on idle, or with the first drag.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { ImportResult } from './file';
import type { Scenario } from './scenario';
import { readImportFile } from '../share/download';
import { DeferredPart } from '../ui/LazyPart';
import { dropOverlay } from '../ui/deferred';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Over a drop zone of its own (marked `data-file-drop`, e.g. the Form's CSV panel): not an import. */
function overOwnZone(e: Event): boolean {
  return e.target instanceof Element && e.target.closest('[data-file-drop]') !== null;
}

/**
 * Listen for files dragged over `target` (default: window). Returns whether a file is over the
 * page. Listeners run in the capture phase so an editor under the pointer cannot swallow the drop.
 */
function useFileDrop(onFile: (file: File, count: number) => void, target?: EventTarget | null): boolean {
  const [dragging, setDragging] = useState(false);
  const fileDropped = useEffectEvent(onFile);

  useEffect(() => {
    const t = target === undefined ? (typeof window === 'undefined' ? null : window) : target;
    if (!t) return;
    // dragenter/dragleave fire for every child element crossed: count them to know when the
    // pointer really left the page.
    let depth = 0;
    const enter = (ev: Event) => {
      const e = ev as DragEvent;
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (ev: Event) => {
      const e = ev as DragEvent;
      if (!hasFiles(e)) return;
      const own = overOwnZone(e);
      setDragging(!own);
      if (own) return;
      // Without preventDefault the browser would open the file instead of dropping it here.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (ev: Event) => {
      if (!hasFiles(ev as DragEvent)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (ev: Event) => {
      const e = ev as DragEvent;
      if (!hasFiles(e)) return;
      depth = 0;
      setDragging(false);
      if (overOwnZone(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const files = e.dataTransfer?.files;
      const file = files?.[0];
      if (file) fileDropped(file, files.length);
    };
    t.addEventListener('dragenter', enter, true);
    t.addEventListener('dragover', over, true);
    t.addEventListener('dragleave', leave, true);
    t.addEventListener('drop', drop, true);
    return () => {
      t.removeEventListener('dragenter', enter, true);
      t.removeEventListener('dragover', over, true);
      t.removeEventListener('dragleave', leave, true);
      t.removeEventListener('drop', drop, true);
    };
  }, [target]);

  return dragging;
}

/** Props of DropZone. */
export interface DropZoneProps {
  scenario: Scenario;
  /** Called with the outcome of every dropped file. */
  onImport: (result: ImportResult) => void;
  /** Where to listen (default: window). */
  target?: EventTarget | null;
}

/** Page-wide drop target with an overlay; render it once, anywhere in the app. */
export function DropZone({ scenario, onImport, target }: DropZoneProps) {
  const dragging = useFileDrop((file, count) => {
    if (count > 1) {
      // Importing one of them would silently ignore the rest: import none, and say why.
      onImport({
        ok: false,
        message: `${count} files were dropped; a scenario is imported from one file at a time, so none was imported.`,
      });
      return;
    }
    void readImportFile(file, scenario).then(onImport);
  }, target);
  return (
    <DeferredPart module={dropOverlay} when={dragging} what="the drop target">
      {({ DropOverlay }) => <DropOverlay />}
    </DeferredPart>
  );
}
