import { createSignal, type JSX, splitProps } from 'solid-js';

const [path, setPath] = createSignal(window.location.pathname);
window.addEventListener('popstate', () => setPath(window.location.pathname));

/** The current path (History API), as a signal. */
export const currentPath = path;

/** Moves to `href` without a page load. */
export function navigate(href: string): void {
  if (href === window.location.pathname) return;
  window.history.pushState(null, '', href);
  setPath(new URL(href, window.location.origin).pathname);
}

/** Matches `pattern` like `/scenarios/:id` against `pathname`; returns the parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/** An `<a>` that navigates client-side on a plain left click; marks itself current. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const [local, rest] = splitProps(props, ['href', 'children']);
  const current = () =>
    local.href === '/' ? path() === '/' : path() === local.href || path().startsWith(`${local.href}/`);
  return (
    <a
      {...rest}
      href={local.href}
      aria-current={current() ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(local.href);
      }}
    >
      {local.children}
    </a>
  );
}

/** Records `href` as the current address without changing the page (e.g. a new scenario got its id). */
export function replaceAddress(href: string): void {
  window.history.replaceState(null, '', href);
}
