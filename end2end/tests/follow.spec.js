// Following: the toggle on a profile, the counts and lists, the home feed's "Following" view,
// and the notice the person followed sees live.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { ADMIN, BEA, LIVE, feed, joinAs, liveStatus, post, profileLink, setupOrganization, visit } = require('../support/actions');

const toggle = (page, name) => page.getByRole('button', { name, exact: true });

test('following a colleague from their profile, and the Following view', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await post(bea, 'Notes from Bea');
  await expect(feed(bea).getByText('Notes from Bea')).toBeVisible();
  const beaProfile = await profileLink(bea, BEA.name).getAttribute('href');

  // Before following, Ada's Following view has nothing of Bea's.
  await visit(page, '/');
  await page.getByRole('navigation', { name: 'Feed views' }).getByRole('link', { name: 'Following' }).click();
  await expect(page).toHaveURL(/view=following/);
  await expect(feed(page).getByText('Notes from Bea')).toHaveCount(0);

  await visit(page, beaProfile);
  await expect(page.getByRole('link', { name: '0 followers' })).toBeVisible();
  await toggle(page, 'Follow').click();
  await expect(toggle(page, 'Following')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: '1 follower', exact: true })).toBeVisible();

  await page.getByRole('link', { name: '1 follower', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Followers of ${BEA.name}` })).toBeVisible();
  await expect(page.getByRole('link', { name: ADMIN.name, exact: true }).last()).toBeVisible();

  await visit(page, '/?view=following');
  await expect(feed(page).getByText('Notes from Bea')).toBeVisible();

  // And back: unfollowing takes her posts out of the view again.
  await visit(page, beaProfile);
  await toggle(page, 'Following').click();
  await expect(toggle(page, 'Follow')).toHaveAttribute('aria-pressed', 'false');
  await visit(page, '/?view=following');
  await expect(feed(page).getByText('Notes from Bea')).toHaveCount(0);
});

test('the person followed sees it live on the page they have open @wasm-only', async ({ page, newPage, server }) => {
  test.skip(!jsEnabled(), 'live updates need JavaScript');
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(bea, '/');
  await expect(liveStatus(bea)).toHaveText(LIVE);
  const beaProfile = await profileLink(bea, BEA.name).getAttribute('href');

  await visit(page, beaProfile);
  await toggle(page, 'Follow').click();
  await expect(toggle(page, 'Following')).toBeVisible();
  await expect(bea.getByRole('status').filter({ hasText: `${ADMIN.name} started following you.` })).toBeVisible();
});

test('the Following view lets in live only the posts of people followed @wasm-only', async ({ page, newPage, server }) => {
  test.skip(!jsEnabled(), 'live updates need JavaScript');
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  const cy = await newPage();
  await joinAs(server, cy, { name: 'Cy Member', email: 'cy@example.org', password: BEA.password });
  const beaProfile = await profileLink(bea, BEA.name).getAttribute('href');
  await visit(page, beaProfile);
  await toggle(page, 'Follow').click();
  await expect(toggle(page, 'Following')).toBeVisible();

  // The island asks whom Ada follows when it starts; posts arrive in order, so once Bea's
  // (made second) is in, Cy's would have been too.
  await visit(page, '/?view=following');
  await expect(liveStatus(page)).toHaveText(LIVE);
  await post(cy, 'Live from Cy');
  await post(bea, 'Live from Bea');
  await expect(feed(page).getByText('Live from Bea')).toBeVisible();
  await expect(feed(page).getByText('Live from Cy')).toHaveCount(0);
});
