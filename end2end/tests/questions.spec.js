// Questions: asked from the composer with a title, answered in the comment box, one answer
// accepted by the asker and then shown first; the filters on /questions and the answerer's
// profile. With WebAssembly and with JavaScript off.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { BEA, feed, field, joinAs, setupOrganization, visit } = require('../support/actions');

const TITLE = 'Where is the style guide?';

test('a question is asked, answered, accepted and filtered', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);

  // Ada asks from the home page. With JavaScript the title shows once "Question" is chosen.
  await visit(page, '/');
  if (jsEnabled()) await expect(field(page, 'Title')).toBeHidden();
  await field(page, 'Question').check();
  await field(page, 'Title').fill(TITLE);
  await field(page, 'Share an update').fill('I looked in the *wiki*.');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = feed(page).getByRole('article').filter({ hasText: TITLE });
  await expect(card.getByRole('heading', { name: TITLE })).toBeVisible();
  if (jsEnabled()) await expect(field(page, 'Title')).toBeHidden();

  // Bea finds it among the unanswered questions and answers it.
  await visit(bea, '/questions');
  await bea.getByRole('link', { name: 'Unanswered', exact: true }).click();
  await expect(bea.getByRole('link', { name: 'Unanswered', exact: true })).toHaveAttribute('aria-current', 'page');
  await bea.getByRole('link', { name: TITLE, exact: true }).click();
  await field(bea, 'Write a comment').fill('It is in the **handbook**.');
  await bea.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(bea.locator('.comment-body strong').getByText('handbook')).toBeVisible();
  await expect(bea.getByRole('button', { name: 'Accept answer', exact: true })).toHaveCount(0);

  // Ada accepts it: it shows first, marked, on the question's page.
  await visit(page, new URL(bea.url()).pathname);
  await page.getByRole('button', { name: 'Accept answer', exact: true }).click();
  const shown = page.getByRole('region', { name: 'Accepted answer', exact: true });
  await expect(shown.getByText('It is in the')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo acceptance', exact: true })).toBeVisible();

  await visit(page, '/questions?filter=unanswered');
  await expect(page.getByText('No unanswered questions', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Answered', exact: true }).click();
  await expect(page.getByRole('article').filter({ hasText: TITLE })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Accepted answer', exact: true })).toBeVisible();

  // Bea's profile lists the answer; the link leads to it.
  await visit(bea, '/');
  await bea.getByRole('banner').getByRole('link', { name: new RegExp(BEA.name) }).click();
  const answers = bea.getByRole('region', { name: `Accepted answers by ${BEA.name}`, exact: true });
  await expect(answers.getByRole('link', { name: TITLE, exact: true })).toHaveAttribute('href', /#comment-\d+$/);
});

test('a question without a title is refused, and what was typed is kept', async ({ page }) => {
  await setupOrganization(page);
  await visit(page, '/');
  await field(page, 'Discussion').check();
  await field(page, 'Share an update').fill('Let us plan the offsite.');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give your discussion or question a title.' })).toBeVisible();
  await expect(field(page, 'Share an update')).toHaveValue('Let us plan the offsite.');
  await expect(field(page, 'Discussion')).toBeChecked();
  await field(page, 'Title').fill('Offsite <b>plans</b>');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = feed(page).getByRole('article').filter({ hasText: 'Let us plan the offsite.' });
  await expect(card.getByRole('heading', { name: 'Offsite <b>plans</b>' })).toBeVisible();
});
