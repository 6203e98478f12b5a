/**
 * Copying text: the async Clipboard API where the page may use it, else the older
 * `execCommand('copy')` on a temporary text area (plain-http pages and some embedded browsers have
 * no `navigator.clipboard`). Resolves to false instead of throwing, so callers can fall back to
 * showing the text selected.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (
      typeof navigator !== 'undefined' &&
      navigator.clipboard &&
      typeof navigator.clipboard.writeText === 'function'
    ) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or the document is not focused: try the older way below.
  }
  return legacyCopy(text);
}

function legacyCopy(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}

/**
 * Copying a text that is still on its way (e.g. from a worker). Call it from the click handler
 * itself, before any await: Safari lets a page write to the clipboard only within the user's
 * gesture, so the write starts at once with a ClipboardItem that holds the promised text. Where
 * that is not offered or refused, the text is copied when it arrives. False when it could not be
 * copied or never arrived.
 */
export async function copyTextLater(text: Promise<string>): Promise<boolean> {
  if (
    typeof ClipboardItem !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.clipboard?.write === 'function'
  ) {
    try {
      const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return true;
    } catch {
      // Refused, or the text never came: the way below.
    }
  }
  try {
    return await copyText(await text);
  } catch {
    return false;
  }
}
