// Live updates: new posts reach open home pages without a reload, and posts made while a
// connection was down arrive once it is back.
const { test, expect } = require('../support/fixtures');
const { BEA, LIVE, RECONNECTING, feed, joinAs, liveStatus, post, setupOrganization, visit } = require('../support/actions');

// The page's requests must reach the network (and the test's routes) directly, not through a
// service worker.
test.use({ serviceWorkers: 'block' });

test.describe('live updates', { tag: '@wasm-only' }, () => {
  test('a colleague’s new post appears at the top without reloading', async ({ page: ada, newPage, server }) => {
    await setupOrganization(ada);
    await visit(ada, '/');
    await post(ada, 'Earlier news from Ada');
    await expect(feed(ada).getByRole('article').first()).toContainText('Earlier news from Ada');
    await expect(liveStatus(ada)).toHaveText(LIVE);
    // A full navigation would lose this.
    await ada.evaluate(() => {
      window.__marker = 1;
    });

    const bea = await newPage();
    await joinAs(server, bea, BEA);
    await post(bea, 'Fresh news from Bea');
    await expect(feed(bea).getByRole('article').first()).toContainText('Fresh news from Bea');

    await expect(feed(ada).getByRole('article').first()).toContainText('Fresh news from Bea', { timeout: 10_000 });
    await expect(feed(ada).getByRole('article')).toHaveCount(2);
    expect(await ada.evaluate(() => window.__marker)).toBe(1);
  });

  test('posts made while the connection was down arrive when it is back', async ({ page: ada, newPage, server }) => {
    await setupOrganization(ada);
    await visit(ada, '/');
    await expect(liveStatus(ada)).toHaveText(LIVE);
    const bea = await newPage();
    await joinAs(server, bea, BEA);
    await ada.evaluate(() => {
      window.__marker = 1;
    });

    // Restarting drops the open stream; the page's next attempt hangs (still connecting) until
    // released, then goes through to the server.
    let release;
    const released = new Promise((resolve) => {
      release = resolve;
    });
    await ada.routeWebSocket(/\/events/, async (socket) => {
      await released;
      socket.connectToServer();
    });
    await server.restart();
    await expect(liveStatus(ada)).toHaveText(RECONNECTING);

    // Sessions live in the database, so Bea is still signed in after the restart.
    await visit(bea, '/');
    await post(bea, 'Posted while Ada was disconnected');
    await expect(feed(bea).getByRole('article').first()).toContainText('Posted while Ada was disconnected');
    await expect(feed(ada).getByRole('article')).toHaveCount(0);

    release();
    await expect(feed(ada).getByRole('article').first()).toContainText('Posted while Ada was disconnected', {
      timeout: 15_000,
    });
    await expect(liveStatus(ada)).toHaveText(LIVE);
    expect(await ada.evaluate(() => window.__marker)).toBe(1);
  });
});
