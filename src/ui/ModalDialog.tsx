/**
 * A modal dialog on the native <dialog> element: showModal() moves focus into it and makes the page
 * behind inert, Esc (the dialog's cancel event) closes it through `onClose`, so the parent stays in
 * control, and focus returns to what had it before.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './modal.css';

/** Props of ModalDialog. */
export interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  className?: string;
  children: ReactNode;
}

/** A controlled modal <dialog>. */
export function ModalDialog({ open, onClose, labelledBy, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      return () => {
        if (d.open) d.close();
        before?.focus();
      };
    }
    if (!open && d.open) d.close();
    return undefined;
  }, [open]);

  return (
    // The backdrop click below is a pointer shortcut for Esc, which keyboards have.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={className ? `share-modal ${className}` : 'share-modal'}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        // Esc: let the parent decide (it normally sets open=false).
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // Esc also where the browser does not turn it into a cancel event (a search field eats the
        // first one; test DOMs have none).
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself, outside its content box.
        if (e.target !== e.currentTarget) return;
        const r = e.currentTarget.getBoundingClientRect();
        const outside = e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
        if (outside && r.width > 0) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
