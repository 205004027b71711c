import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { hrefOf, type Route } from './routes';
import { navigate } from './use-route';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: Route;
  children: ReactNode;
}

/** A real link (so it can be opened, focused and read as a link) that changes the screen without a reload. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  return (
    <a
      href={hrefOf(to)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
