import { onCleanup } from 'solid-js';

/**
 * Ends a scrolling table's box on a whole row: its height is cut down from what the CSS allows
 * (max-height) to the bottom of the last row that fits, so the box never ends mid-row (seen on
 * phones, where rows wrap to several lines). Fitted again when the table changes size (rows in,
 * sorting, a narrower window). Use as the box's ref.
 */
export function endOnWholeRow(box: HTMLElement): void {
  const refit = () => {
    box.style.maxHeight = '';
    const limit = box.clientHeight;
    if (box.scrollHeight <= limit + 1) return;
    const contentTop = box.getBoundingClientRect().top + box.clientTop - box.scrollTop;
    let end = 0;
    for (const row of box.querySelectorAll<HTMLElement>('tbody tr')) {
      const bottom = row.getBoundingClientRect().bottom - contentTop;
      if (bottom > limit) break;
      end = bottom;
    }
    if (end <= 0) return;
    const style = getComputedStyle(box);
    const px = (value: string) => Number.parseFloat(value) || 0;
    box.style.maxHeight =
      style.boxSizing === 'border-box'
        ? `${end + box.offsetHeight - box.clientHeight}px`
        : `${end - px(style.paddingTop) - px(style.paddingBottom)}px`;
  };
  const observer = new ResizeObserver(() => refit());
  requestAnimationFrame(() => {
    const table = box.querySelector('table');
    if (table) observer.observe(table);
  });
  onCleanup(() => observer.disconnect());
}
