// Without JavaScript every form is a plain HTML form: posting reloads the page, with the new
// post on top.
const { test, expect } = require('../support/fixtures');
const { feed, field, post, setupOrganization } = require('../support/actions');

test.describe('plain HTML forms', { tag: '@no-js-only' }, () => {
  test('posting reloads the home page with the new post on top', async ({ page, server }) => {
    await setupOrganization(page);

    for (const text of ['First plain post', 'Second plain post']) {
      // The submission is a real page navigation, not a script's request.
      const submitted = page.waitForRequest((req) => req.method() === 'POST' && req.isNavigationRequest());
      await post(page, text);
      await submitted;
      await expect(page).toHaveURL(`${server.url}/`);
      await expect(feed(page).getByRole('article').first()).toContainText(text);
    }

    const articles = feed(page).getByRole('article');
    await expect(articles).toHaveCount(2);
    await expect(articles.nth(1)).toContainText('First plain post');
    await expect(field(page, 'Share an update')).toHaveValue('');
  });
});
