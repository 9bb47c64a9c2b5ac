// Installable and offline-friendly: the manifest, the service worker, the offline page, and a
// cache that holds the app shell only, never anyone's data.
const { test, expect } = require('../support/fixtures');
const { ADMIN, feed, field, permalink, post, profileLink, setupOrganization, visit } = require('../support/actions');

const words = (value) => String(value || '').split(/\s+/).filter(Boolean);

test.describe('progressive web app', { tag: '@wasm-only' }, () => {
  test('the manifest describes an installable app', async ({ page, server }) => {
    const manifestUrl = `${server.url}/manifest.webmanifest`;
    const res = await page.request.get(manifestUrl);
    expect(res.status()).toBe(200);
    const manifest = await res.json();

    for (const key of ['name', 'short_name', 'theme_color', 'start_url']) {
      expect(manifest[key], key).toBeTruthy();
    }
    expect(manifest.display).toBe('standalone');
    const icons = manifest.icons || [];
    expect(icons.some((icon) => words(icon.sizes).includes('192x192'))).toBe(true);
    expect(icons.some((icon) => words(icon.sizes).includes('512x512'))).toBe(true);
    expect(icons.some((icon) => words(icon.purpose).includes('maskable'))).toBe(true);
    for (const icon of icons) {
      const iconRes = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(iconRes.status(), icon.src).toBe(200);
    }
  });

  test('a first visit fetches only what the home page runs; the directory loads its search when shown', async ({ page }) => {
    const splitOff = /\/pkg\/(split|chunk)_[^/]*\.wasm$/;
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await setupOrganization(page);
    await visit(page, '/');
    await expect(feed(page)).toBeVisible();
    expect(fetched.filter((path) => path.startsWith('/pkg/') && path.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(fetched.filter((path) => splitOff.test(path))).toEqual([]);

    // The directory's search is an island loaded lazily: its part of the WebAssembly comes with
    // the page, and results then follow the search box as before.
    await visit(page, '/people');
    expect(fetched.filter((path) => splitOff.test(path)).length).toBeGreaterThan(0);
    await field(page, 'Search people').fill('zzz-nobody');
    await expect(page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: ADMIN.name })).toHaveCount(0);
    await field(page, 'Search people').fill(ADMIN.name);
    await expect(page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: ADMIN.name })).toBeVisible();
  });

  test('the service worker caches no personal data and shows an offline page', async ({ page, context }) => {
    await setupOrganization(page);
    await post(page, 'Something only members should see');
    await expect(feed(page).getByRole('article').first()).toContainText('Something only members should see');

    // `ready` never settles without a registration, so give up on each try after a moment.
    const workerState = () =>
      page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then((reg) => (reg.active ? reg.active.state : 'no active worker')),
          new Promise((resolve) => setTimeout(() => resolve('no service worker registered'), 2_000)),
        ]),
      );
    await expect.poll(workerState, { timeout: 20_000 }).toBe('activated');
    // A page loaded after activation is controlled by the worker.
    await visit(page, '/');
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Browse personal pages through the worker; none of them may end up in a cache.
    await profileLink(page, ADMIN.name).click();
    await expect(page.getByRole('heading', { level: 1, name: ADMIN.name })).toBeVisible();
    await visit(page, '/');
    await permalink(feed(page).getByRole('article').first()).click();
    await expect(page).toHaveURL(/\/posts\/\d+$/);
    await visit(page, '/');

    const cached = await page.evaluate(async () => {
      const paths = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(cached).toContain('/offline.html');
    const personal = cached.filter(
      (path) => path === '/' || ['/api/', '/people/', '/posts/', '/events', '/invite'].some((p) => path.startsWith(p)),
    );
    expect(personal).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    await expect(page.getByText('Something only members should see')).toHaveCount(0);
    await context.setOffline(false);
  });
});
