// Running a group: its owner pins a member's post (shown first, under "Pinned posts"), removes
// another with a reason, reads the moderation trail, and renames the group. The member has no
// such tools, and is told of an invitation by a notification.
const { test, expect } = require('../support/fixtures');
const { BEA, field, joinAs, permalink, setupOrganization, visit } = require('../support/actions');

const button = (page, name) => page.getByRole('button', { name, exact: true });

test('an owner pins and removes posts with a reason, and the trail keeps both', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);

  await visit(page, '/groups/new');
  await field(page, 'Group name').fill('Design Guild');
  await page.getByRole('radiogroup', { name: 'Visibility' }).getByLabel('Public', { exact: true }).check();
  await button(page, 'Create group').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Design Guild' })).toBeVisible();
  const guild = new URL(page.url()).pathname;

  // Ada invites Bea: the bell tells her, and the notification leads to the group.
  await page.locator('summary', { hasText: 'Invite people' }).click();
  await field(page, 'Invite people').fill(BEA.email);
  await button(page, 'Send invitations').click();
  await visit(bea, '/notifications');
  await bea.getByRole('link', { name: /invited you to Design Guild/ }).click();
  await expect(bea.getByRole('heading', { level: 1, name: 'Design Guild' })).toBeVisible();
  await button(bea, 'Accept invitation').click();
  await expect(button(bea, 'Leave group')).toBeVisible();

  const posts = bea.getByRole('region', { name: 'Group posts' });
  for (const text of ['Brand colours for 2027', 'Lunch anyone?']) {
    await field(bea, 'Share an update').fill(text);
    await button(bea, 'Post').click();
    await expect(posts.getByText(text)).toBeVisible();
  }
  const cardOf = (who, text) => who.getByRole('article').filter({ hasText: text });
  const brand = await permalink(cardOf(bea, 'Brand colours for 2027')).first().getAttribute('href');
  const lunch = await permalink(cardOf(bea, 'Lunch anyone?')).first().getAttribute('href');

  // Bea, a member, has no moderation tools on her own post.
  await visit(bea, brand);
  await expect(bea.getByRole('region', { name: 'Group moderation' })).toHaveCount(0);

  // Ada pins the older post: it shows first, under "Pinned posts".
  await visit(page, brand);
  const tools = page.getByRole('region', { name: 'Group moderation' });
  await button(tools, 'Pin post').click();
  await expect(button(tools, 'Unpin post')).toBeVisible();
  await visit(bea, guild);
  const pinned = bea.getByRole('region', { name: 'Pinned posts' });
  await expect(pinned.getByText('Brand colours for 2027')).toBeVisible();
  await expect(pinned.getByText('Lunch anyone?')).toHaveCount(0);

  // Ada removes the other; without a reason she is asked for one.
  await visit(page, lunch);
  await page.locator('summary', { hasText: 'Remove post' }).click();
  await page.getByRole('region', { name: 'Group moderation' }).getByRole('button', { name: 'Remove post', exact: true }).click();
  await expect(field(page, 'Reason')).toBeVisible();
  await field(page, 'Reason').fill('Please use the #lunch channel');
  await page.getByRole('region', { name: 'Group moderation' }).getByRole('button', { name: 'Remove post', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Design Guild' })).toBeVisible();
  await visit(bea, guild);
  await expect(bea.getByText('Lunch anyone?')).toHaveCount(0);
  const gone = await bea.goto(lunch);
  expect(gone.status()).toBe(404);
  await visit(bea, '/notifications');
  const told = bea.getByRole('listitem').filter({ hasText: 'removed your post from Design Guild' });
  await expect(told).toContainText('Reason: Please use the #lunch channel');

  // The trail, for Ada alone.
  await visit(page, guild);
  await page.getByRole('link', { name: 'Moderation', exact: true }).click();
  const trail = page.getByRole('list', { name: 'Moderation trail' });
  await expect(trail.getByRole('listitem')).toHaveCount(2);
  await expect(trail.getByRole('listitem').first()).toContainText('removed a post by Bea Member');
  await expect(trail.getByRole('listitem').first()).toContainText('Reason: Please use the #lunch channel');
  await expect(trail.getByRole('listitem').nth(1)).toContainText('pinned a post by Bea Member');
  const refused = await bea.goto(`${guild}/moderation`);
  expect(refused.status()).toBe(403);

  // Ada renames the group.
  await visit(page, guild);
  await page.getByRole('link', { name: 'Edit group', exact: true }).click();
  await expect(field(page, 'Group name')).toHaveValue('Design Guild');
  await field(page, 'Group name').fill('Design Circle');
  await button(page, 'Save group').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Design Circle' })).toBeVisible();
});
