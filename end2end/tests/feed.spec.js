// The home feed past its first page, and post times in the reader's own time zone.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { feed, post, setupOrganization, visit } = require('../support/actions');

/** Posts "Update 001" … through the composer's endpoint (as its script would, not as a form). */
async function postUpdates(page, server, count) {
  for (let i = 1; i <= count; i++) {
    const response = await page.request.post('/api/create_post', {
      form: { body: `Update ${String(i).padStart(3, '0')}` },
      headers: { Origin: server.url, Accept: 'application/json' },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }
}

test('“Load more” brings the older posts, in order and without repeats', async ({ page, server }) => {
  await setupOrganization(page);
  await postUpdates(page, server, 45);
  await visit(page, '/');
  const articles = feed(page).getByRole('article');
  await expect(articles).toHaveCount(20);
  await expect(articles.first()).toContainText('Update 045');
  const loadMore = page.getByRole('link', { name: 'Load more' });

  await loadMore.click();
  if (jsEnabled()) {
    // The island appends the next page in place.
    await expect(articles).toHaveCount(40);
    await expect(page).toHaveURL(`${server.url}/`);
    await expect(articles.nth(19)).toContainText('Update 026');
    await expect(articles.nth(20)).toContainText('Update 025');
    await loadMore.click();
    await expect(articles).toHaveCount(45);
    await expect(articles.last()).toContainText('Update 001');
    await expect(loadMore).toHaveCount(0);
  } else {
    // Without JavaScript the link opens the next page.
    await expect(page).toHaveURL(/\/\?before=\d+$/);
    await expect(articles).toHaveCount(20);
    await expect(articles.first()).toContainText('Update 025');
  }
});

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });

  test('a post’s exact time is shown in the reader’s time zone', async ({ page, server }) => {
    await setupOrganization(page);
    await postUpdates(page, server, 1);
    await visit(page, '/');
    // With JavaScript the browser knows the zone; the server alone can only say UTC.
    const zone = jsEnabled() ? /GMT\+9$/ : / UTC$/;
    const time = (article) => article.locator('time');
    await expect(time(feed(page).getByRole('article').first())).toHaveAttribute('title', zone);

    // A post the page adds itself (with JavaScript) or after the reload (without).
    await post(page, 'Konnichiwa');
    const added = feed(page).getByRole('article').filter({ hasText: 'Konnichiwa' });
    await expect(time(added)).toHaveAttribute('title', zone);
  });
});
