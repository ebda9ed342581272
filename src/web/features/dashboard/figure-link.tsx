import { useNavigate } from '@tanstack/react-router';
import type { CSSProperties, MouseEvent, ReactNode } from 'react';

interface FigureLinkProps {
  /** The page of a figure's records, as the server gives it ("/ledger?direction=inbound&from=1980-01-01"). */
  href: string | null | undefined;
  children: ReactNode;
  testId?: string;
  style?: CSSProperties;
}

/**
 * A link to the records behind a figure. A real <a> (it can be opened in a new tab, read by a
 * screen reader), navigated inside the app on a plain click so that the session and cache stay.
 */
export function FigureLink({ href, children, testId, style }: FigureLinkProps) {
  const navigate = useNavigate();
  if (!href) return <div data-testid={testId} style={style}>{children}</div>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ href });
  };
  return (
    <a href={href} onClick={onClick} data-testid={testId} style={{ display: 'block', color: 'inherit', ...style }}>
      {children}
    </a>
  );
}
