import type { Page } from 'playwright-core';

/**
 * Answers the page's requests to `pattern` with a 503 problem+json (once `held` settles, so the
 * page's loading state can be seen first) until the returned function is called, after which they
 * reach the server again.
 */
export async function failRequests(
  page: Page,
  pattern: string,
  held: Promise<void> = Promise.resolve(),
): Promise<() => Promise<void>> {
  await page.route(pattern, async (route) => {
    await held;
    await route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
    });
  });
  return () => page.unroute(pattern);
}
