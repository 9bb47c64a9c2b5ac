// Topics: a #topic in a post links to the topic's page, which lists its posts and who writes
// about it; "Follow topic" brings its posts into the Following view (live with WebAssembly);
// the index lists the active topics.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { BEA, LIVE, feed, joinAs, liveStatus, post, setupOrganization, visit } = require('../support/actions');

const toggle = (page, name) => page.getByRole('button', { name, exact: true });

test('a topic links to its page, and following it fills the Following view', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await post(bea, 'Kickoff notes for the #Roadmap are up');
  const card = feed(bea).getByRole('article').filter({ hasText: 'Kickoff notes' });
  await card.getByRole('link', { name: '#Roadmap', exact: true }).click();

  await expect(bea.getByRole('heading', { level: 1, name: '#roadmap' })).toBeVisible();
  await expect(bea.getByText('1 person wrote about it')).toBeVisible();
  const posts = bea.getByRole('region', { name: 'Posts about #roadmap' });
  await expect(posts.getByRole('article')).toHaveCount(1);
  await expect(bea.getByRole('region', { name: 'Top writers' }).getByRole('link', { name: BEA.name })).toBeVisible();

  // Ada follows the topic from its page; Bea's post about it shows in her Following view.
  await visit(page, '/topics');
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  await page.getByRole('list', { name: 'Active topics' }).getByRole('link', { name: '#roadmap', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '#roadmap' })).toBeVisible();
  await toggle(page, 'Follow topic').click();
  await expect(toggle(page, 'Following topic')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 follower', { exact: true })).toBeVisible();

  await visit(page, '/?view=following');
  await expect(feed(page).getByText('Kickoff notes for the')).toBeVisible();
  if (jsEnabled()) {
    // Live: a new post about the topic comes in; one about something else does not.
    await expect(liveStatus(page)).toHaveText(LIVE);
    await visit(bea, '/');
    await post(bea, 'Lunch is at noon');
    // The composer clears when a post is taken: typing the next before then would be cleared.
    await expect(feed(bea).getByText('Lunch is at noon')).toBeVisible();
    await post(bea, 'Second draft of the #roadmap');
    await expect(feed(page).getByText('Second draft of the')).toBeVisible();
    await expect(feed(page).getByText('Lunch is at noon')).toHaveCount(0);
  }

  await visit(page, '/topics/roadmap');
  await toggle(page, 'Following topic').click();
  await expect(toggle(page, 'Follow topic')).toHaveAttribute('aria-pressed', 'false');
  await visit(page, '/?view=following');
  await expect(feed(page).getByText('Kickoff notes for the')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No posts yet' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Topics', exact: true })).toHaveAttribute('href', '/topics');
});

test('a topic nobody wrote about yet says so, and the index starts empty', async ({ page }) => {
  await setupOrganization(page);
  await visit(page, '/topics');
  await expect(page.getByText('No topics yet.', { exact: false })).toBeVisible();
  await visit(page, '/topics/quiet');
  await expect(page.getByRole('heading', { level: 1, name: '#quiet' })).toBeVisible();
  await expect(page.getByText('No posts about #quiet yet.', { exact: false })).toBeVisible();
  await expect(page.getByText('0 people wrote about it')).toBeVisible();
});
