/**
 * Editors follow the size of their box. Monaco's own `automaticLayout` lays out every resized
 * editor in the same frame: when the workspace changes width (Compare narrows the editors' column)
 * both editors wrap their lines again and render them in one task, and the second one's measuring
 * forces a layout of the whole page after the first one's writes. Here one observer serves all the
 * editors and lays out one resized editor per animation frame, with the size the observer reported
 * (no measuring).
 */

/** What the queue needs of an editor: Monaco's `layout(dimension)`. */
interface Resizable {
  layout: (dimension: { width: number; height: number }) => void;
}

const editors = new Map<Element, Resizable>();
const pending = new Map<Resizable, { width: number; height: number }>();
let frame: number | null = null;
let observer: ResizeObserver | null = null;

/** Lay out the first editor waiting, and the next one in the next frame. */
function layoutOne(): void {
  frame = null;
  const first = pending.entries().next();
  if (first.done) return;
  const [editor, size] = first.value;
  pending.delete(editor);
  editor.layout(size);
  if (pending.size) frame = requestAnimationFrame(layoutOne);
}

function onResize(entries: ResizeObserverEntry[]): void {
  for (const e of entries) {
    const editor = editors.get(e.target);
    if (!editor) continue;
    // As Monaco measures: at least 5 px each way.
    pending.set(editor, { width: Math.max(5, e.contentRect.width), height: Math.max(5, e.contentRect.height) });
  }
  // The first one at once (the observer runs before this frame's paint), the others in later frames.
  if (frame === null) layoutOne();
}

/** Keep `editor` laid out to the size of `el`; returns the function that stops it. */
export function followSize(el: Element, editor: Resizable): () => void {
  observer ??= new ResizeObserver(onResize);
  editors.set(el, editor);
  observer.observe(el);
  return () => {
    observer?.unobserve(el);
    editors.delete(el);
    pending.delete(editor);
  };
}
