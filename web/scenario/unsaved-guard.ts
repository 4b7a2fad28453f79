import { type BeforeLeaveEventArgs, useBeforeLeave, useLocation } from '@solidjs/router';
import { onCleanup } from 'solid-js';

const question = 'This scenario has unsaved changes. Leave without saving them?';

/**
 * Asks before unsaved edits are lost: leaving for another page or version in the app (a
 * confirmation), or closing and reloading the tab (the browser's own prompt). A change of the
 * lever parameters alone in the address (share-link state) is not leaving.
 */
export function useUnsavedGuard(dirty: () => boolean) {
  const location = useLocation();
  const version = (search: string) => new URLSearchParams(search).get('v');
  useBeforeLeave((event: BeforeLeaveEventArgs) => {
    if (!dirty() || event.defaultPrevented || typeof event.to === 'number') return;
    const to = new URL(event.to, window.location.origin);
    if (to.pathname === location.pathname && version(to.search) === version(location.search)) return;
    if (!window.confirm(question)) event.preventDefault();
  });
  const onUnload = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onUnload));
}
