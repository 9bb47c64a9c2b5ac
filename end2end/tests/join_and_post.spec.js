// Joining (by email domain or invite), posting Markdown, permalinks, signing out and in, and
// posts that try to run script.
const { test, expect, jsEnabled } = require('../support/fixtures');
const {
  BEA,
  PASSWORD,
  alertWith,
  feed,
  field,
  joinAs,
  permalink,
  post,
  setupOrganization,
  signIn,
  signOut,
  signOutButton,
  submitJoin,
  submitSignIn,
  visit,
} = require('../support/actions');

test('a colleague joins, posts Markdown, follows the permalink, and signs in again', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();

  // An address outside the allowed domains is refused.
  await submitJoin(bea, { name: 'Mallory Outsider', email: 'mallory@other.com', password: PASSWORD });
  await expect(alertWith(bea, 'not open for sign-up')).toBeVisible();
  await expect(signOutButton(bea)).toHaveCount(0);

  await joinAs(server, bea, BEA);
  await post(bea, 'Hello **team**');
  const article = feed(bea).getByRole('article').first();
  await expect(article).toContainText('Hello team');
  await expect(article.locator('strong')).toHaveText('team');
  await expect(article).toContainText(BEA.name);

  // The post's time is its permanent address.
  const link = permalink(article);
  await expect(link).toHaveAttribute('href', /^\/posts\/\d+$/);
  const href = await link.getAttribute('href');
  await link.click();
  await expect(bea).toHaveURL(new RegExp(`${href}$`));
  await expect(bea.getByRole('article')).toHaveCount(1);
  await expect(bea.getByRole('article').locator('strong')).toHaveText('team');

  await signOut(bea);
  await submitSignIn(bea, BEA.email, 'not the password');
  await expect(alertWith(bea, 'That email and password do not match an account.')).toBeVisible();
  await expect(signOutButton(bea)).toHaveCount(0);

  await signIn(bea, BEA);
  await visit(bea, '/');
  await expect(feed(bea).getByRole('article').first()).toContainText('Hello team');
});

test('a post that tries to run script is shown inert', async ({ page }) => {
  await setupOrganization(page);
  await post(page, 'xss-probe <img src=x onerror="window.__xss=1"> and <script>window.__xss=1</script> done');

  const probe = (p) => feed(p).getByRole('article').filter({ hasText: 'xss-probe' });
  async function expectInert(article) {
    await expect(article).toBeVisible();
    await expect(article.locator('script, img, [onerror]')).toHaveCount(0);
    if (jsEnabled()) {
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    }
  }

  // As added by the app right after posting (with JavaScript), then as rendered by the server.
  await expectInert(probe(page));
  await visit(page, '/');
  await expectInert(probe(page));
  await permalink(probe(page)).click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  await expectInert(page.getByRole('article'));
});

test('an invite link lets one person from another domain join, once', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  await visit(page, '/invite');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const box = field(page, 'Invite link');
  await expect(box).toHaveValue(/\/join\?invite=\S+$/);
  const link = await box.inputValue();
  expect(link.startsWith(`${server.url}/join?invite=`)).toBe(true);

  const guest = await newPage();
  // A copied link proves nothing about the address, so Olu verifies it like everyone else.
  await joinAs(server, guest, { name: 'Olu Guest', email: 'olu@other.com', password: PASSWORD }, link);

  const late = await newPage();
  await submitJoin(late, { name: 'Lee Late', email: 'lee@other.com', password: PASSWORD }, link);
  await expect(alertWith(late, 'already been used')).toBeVisible();
  await expect(signOutButton(late)).toHaveCount(0);

  // The invite did not open the domain: without a link, other.com is still refused.
  await submitJoin(late, { name: 'Lee Late', email: 'lee@other.com', password: PASSWORD });
  await expect(alertWith(late, 'not open for sign-up')).toBeVisible();
});
