import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/**
 * The parts of the server's HTML document the page shows: its styles and its body. Scripts never
 * run (innerHTML does not execute them) and are dropped anyway.
 */
function pageParts(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, iframe, object, embed').forEach((el) => el.remove());
  const styles = [...doc.querySelectorAll('style')].map((s) => s.outerHTML).join('');
  return `${styles}<div class="report-body">${doc.body.innerHTML}</div>`;
}

/**
 * A report as the server wrote it (so that the page, the CLI and the PDF say the same), in a shadow
 * root so that its styles stay inside it. Its links to records open inside the app.
 */
export function ReportHtml({ html, testId }: { html: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block;line-height:1.6} a{color:#1f5fa8} h1{font-size:22px} h2{font-size:17px;margin-top:20px}</style>${pageParts(html)}`;
  }, [html]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
      const raw = link?.getAttribute('href');
      const href = raw?.startsWith(window.location.origin) ? raw.slice(window.location.origin.length) : raw;
      // only the app's own pages open in place; downloads and other sites keep the browser's behaviour
      if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
      event.preventDefault();
      void navigate({ href });
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [navigate]);

  return <div ref={host} data-testid={testId} />;
}
