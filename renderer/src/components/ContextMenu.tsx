import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuAction {
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Why it is disabled, shown as its tooltip and read by screen readers. */
  reason?: string | undefined;
  danger?: boolean;
}

interface ContextMenuProps {
  label: string;
  x: number;
  y: number;
  actions: readonly MenuAction[];
  onClose: () => void;
}

/**
 * A context menu (WAI-ARIA menu pattern): opens at the pointer or the focused row,
 * arrow keys move, Enter chooses, Escape or a click elsewhere closes, and focus
 * returns to where it was.
 */
export function ContextMenu({ label, x, y, actions, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      previous?.focus();
    };
  }, [onClose]);

  const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (action: MenuAction) => {
    if (action.disabled) return;
    onClose();
    action.onSelect();
  };

  // Keep the menu inside the window.
  const left = Math.max(0, Math.min(x, window.innerWidth - 240));
  const top = Math.max(0, Math.min(y, window.innerHeight - 40 * actions.length - 16));
  return (
    <ul ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left, top }} onKeyDown={onKeyDown}>
      {actions.map((action) => (
        <li
          key={action.id}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={action.disabled ? true : undefined}
          title={action.disabled ? action.reason : undefined}
          className={`context-menu__item${action.danger ? ' context-menu__item--danger' : ''}`}
          onClick={() => choose(action)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              choose(action);
            }
          }}
        >
          {action.label}
          {action.disabled && action.reason ? <span className="visually-hidden"> ({action.reason})</span> : null}
        </li>
      ))}
    </ul>
  );
}
