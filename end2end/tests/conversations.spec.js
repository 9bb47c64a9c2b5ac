// Conversations under posts: comment, reply and react from the feed and from a post's page,
// with WebAssembly (in place) and without JavaScript (plain forms), and live for others.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { ADMIN, BEA, LIVE, feed, field, joinAs, liveStatus, permalink, post, setupOrganization, visit } = require('../support/actions');

const button = (scope, name) => scope.getByRole('button', { name, exact: true });

test('commenting, replying and reacting on a post', async ({ page }) => {
  await setupOrganization(page);
  await post(page, 'Team lunch on Friday?');
  const card = feed(page).getByRole('article').filter({ hasText: 'Team lunch on Friday?' });
  await expect(card).toBeVisible();

  await field(card, 'Write a comment').fill('Count me **in**');
  await button(card, 'Comment').click();
  await expect(card.locator('.comment-body strong').getByText('in')).toBeVisible();
  await expect(card.getByRole('link', { name: '1 comment', exact: true })).toBeVisible();

  await button(card, 'Like, 0').first().click();
  await expect(button(card, 'Like, 1')).toHaveAttribute('aria-pressed', 'true');
  await button(card, 'Celebrate, 0').first().click();
  await expect(button(card, 'Celebrate, 1')).toHaveAttribute('aria-pressed', 'true');
  await expect(button(card, 'Like, 0').first()).toHaveAttribute('aria-pressed', 'false');

  // Reply: in place with WebAssembly; without JavaScript on the post's page.
  await button(card, 'Reply').click();
  const replyBox = field(page, 'Write a reply');
  if (jsEnabled()) await expect(replyBox).toBeFocused();
  await expect(page.getByText(`Replying to ${ADMIN.name}`)).toBeVisible();
  await replyBox.fill('See you there');
  await button(page, 'Post reply').click();
  await expect(page.locator('.comment.reply').getByText('See you there')).toBeVisible();

  await visit(page, await permalink(page.getByRole('article').first()).first().getAttribute('href'));
  await expect(page.getByRole('heading', { name: '2 comments' })).toBeVisible();
  await expect(page.locator('.comment.reply').getByText('See you there')).toBeVisible();
  await page.getByRole('link', { name: 'Who reacted' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who reacted' })).toBeVisible();
  await expect(page.getByRole('list').getByText(ADMIN.name)).toBeVisible();
});

test('an empty comment is refused with the reason, and nothing is lost', async ({ page }) => {
  await setupOrganization(page);
  await post(page, 'Thoughts?');
  const card = feed(page).getByRole('article').first();
  await expect(card).toBeVisible();
  // The browser's own check (required) would stop an empty box; spaces get past it.
  await field(card, 'Write a comment').fill('   ');
  await button(card, 'Comment').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write something before commenting.' })).toBeVisible();
  await expect(feed(page).getByRole('article')).toHaveCount(1);
});

test('comments and reactions reach others live @wasm-only', async ({ page, newPage, server }) => {
  test.skip(!jsEnabled(), 'live updates need JavaScript');
  await setupOrganization(page);
  await post(page, 'Launch day');
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(bea, '/');
  await expect(liveStatus(bea)).toHaveText(LIVE);
  const beasCard = feed(bea).getByRole('article').filter({ hasText: 'Launch day' });
  await expect(beasCard).toBeVisible();

  const card = feed(page).getByRole('article').filter({ hasText: 'Launch day' });
  await field(card, 'Write a comment').fill('Good luck everyone');
  await button(card, 'Comment').click();
  await expect(beasCard.getByText('Good luck everyone')).toBeVisible();
  await expect(beasCard.getByRole('link', { name: '1 comment', exact: true })).toBeVisible();

  await button(card, 'Insightful, 0').first().click();
  await expect(button(beasCard, 'Insightful, 1')).toHaveAttribute('aria-pressed', 'false');

  // On the post's own page too.
  await visit(bea, await permalink(beasCard).first().getAttribute('href'));
  await expect(bea.getByRole('heading', { name: '1 comment' })).toBeVisible();
  await field(card, 'Write a comment').fill('Second thought');
  await button(card, 'Comment').click();
  await expect(bea.getByText('Second thought')).toBeVisible();
  await expect(bea.getByRole('heading', { name: '2 comments' })).toBeVisible();
});
