// Editing and deleting with a visible history: a post's "Edit" to its "Edit history" with the
// words that changed, and deletions (a removed comment keeps its thread), with WebAssembly and
// without JavaScript, and live for others.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { BEA, LIVE, feed, field, joinAs, liveStatus, post, setupOrganization, visit } = require('../support/actions');

const button = (scope, name) => scope.getByRole('button', { name, exact: true });

test('an edited post says so and its history shows what changed', async ({ page }) => {
  await setupOrganization(page);
  await post(page, 'Lunch on Friday at noon');
  const card = feed(page).getByRole('article').filter({ hasText: 'Lunch on Friday at noon' });
  await button(card, 'Edit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit post' })).toBeVisible();
  await expect(field(page, 'Text')).toHaveValue('Lunch on Friday at noon');
  await field(page, 'Text').fill('Lunch on **Thursday** at noon');
  await button(page, 'Save').click();

  const article = page.getByRole('article').filter({ hasText: 'Lunch on Thursday at noon' });
  await expect(article.locator('.post-body strong')).toHaveText('Thursday');
  await article.getByRole('link', { name: 'edited', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit history' })).toBeVisible();
  await expect(page.locator('.revision')).toHaveCount(2);
  await expect(page.locator('.revision').first().locator('del')).toContainText('Friday');
  await expect(page.locator('.revision').first().locator('ins')).toContainText('**Thursday**');
  await expect(page.getByRole('heading', { name: /Revision 1: Original by/ })).toBeVisible();
});

test('a removed comment with a reply keeps its thread, and a deleted post is gone', async ({ page }) => {
  await setupOrganization(page);
  await post(page, 'Plans for the offsite?');
  const card = feed(page).getByRole('article').filter({ hasText: 'Plans for the offsite?' });
  await field(card, 'Write a comment').fill('A boat trip');
  await button(card, 'Comment').click();
  await expect(card.getByText('A boat trip')).toBeVisible();
  await button(card, 'Reply').click();
  await field(page, 'Write a reply').fill('Only if it is sunny');
  await button(page, 'Post reply').click();
  await expect(page.getByText('Only if it is sunny')).toBeVisible();

  // The post's own page (without JavaScript the reply already brought us there).
  await visit(page, await page.locator('.post-time').first().getAttribute('href'));
  const asked = page.locator('.comment').filter({ hasText: 'A boat trip' });
  await button(asked, 'Delete').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete this comment?' })).toBeVisible();
  await button(page, 'Delete').click();
  await expect(page.getByText('This comment was removed')).toBeVisible();
  await expect(page.getByText('Only if it is sunny')).toBeVisible();
  await expect(page.getByText('A boat trip')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();

  await button(page.getByRole('article').first(), 'Delete').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete this post?' })).toBeVisible();
  await button(page, 'Delete').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(feed(page).getByText('Plans for the offsite?')).toHaveCount(0);
});

test('edits and deletions reach others live @wasm-only', async ({ page, newPage, server }) => {
  test.skip(!jsEnabled(), 'live updates need JavaScript');
  await setupOrganization(page);
  await post(page, 'Standup at 9:15');
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(bea, '/');
  await expect(liveStatus(bea)).toHaveText(LIVE);
  const beasCard = feed(bea).getByRole('article').filter({ hasText: 'Standup at' });
  await expect(beasCard).toBeVisible();

  const card = feed(page).getByRole('article').filter({ hasText: 'Standup at 9:15' });
  await button(card, 'Edit').click();
  await field(page, 'Text').fill('Standup at 9:30 today');
  await button(page, 'Save').click();
  await expect(beasCard.getByText('Standup at 9:30 today')).toBeVisible();
  await expect(beasCard.getByRole('link', { name: 'edited', exact: true })).toBeVisible();

  await button(page.getByRole('article').first(), 'Delete').first().click();
  await button(page, 'Delete').click();
  await expect(feed(bea).getByText('This post was deleted.')).toBeVisible();
  await expect(feed(bea).getByText('Standup at 9:30 today')).toHaveCount(0);
});
