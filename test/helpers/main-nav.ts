import type { Page } from 'playwright-core';

/** Follows a link of the main navigation, opening the Menu first when the screen folds it away. */
export async function goTo(page: Page, link: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
}
