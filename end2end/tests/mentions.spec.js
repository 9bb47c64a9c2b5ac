// Mentions: typing @ and the start of a name offers people to mention, chosen by keyboard; the
// rendered text links to the person. Without JavaScript, @handle typed by hand works.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { BEA, feed, field, joinAs, post, setupOrganization, visit } = require('../support/actions');

test('the composer and the comment box offer people to mention by keyboard @wasm-only', async ({ page, newPage, server }) => {
  test.skip(!jsEnabled(), 'suggestions need JavaScript');
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(page, '/');

  const composer = field(page, 'Share an update');
  await composer.pressSequentially('Thanks @be');
  const people = page.getByRole('listbox', { name: 'People to mention' });
  const option = people.getByRole('option', { name: 'Bea Member (@bea-member)' });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(composer).toHaveAttribute('aria-activedescendant', await option.getAttribute('id'));
  await composer.press('Enter');
  await expect(people).toHaveCount(0);
  await expect(composer).toHaveValue('Thanks @bea-member ');
  await composer.pressSequentially('for the notes');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = feed(page).getByRole('article').filter({ hasText: 'for the notes' });
  await expect(card.getByRole('link', { name: '@bea-member', exact: true })).toHaveAttribute('href', '/people/bea-member');

  // Escape closes the list and leaves the text as typed.
  const comment = field(card, 'Write a comment');
  await comment.pressSequentially('cc @bea');
  await expect(card.getByRole('option', { name: 'Bea Member (@bea-member)' })).toBeVisible();
  await comment.press('Escape');
  await expect(card.getByRole('listbox')).toHaveCount(0);
  await expect(comment).toHaveValue('cc @bea');
  await comment.pressSequentially('-m');
  await expect(card.getByRole('option', { name: 'Bea Member (@bea-member)' })).toBeVisible();
  await comment.press('ArrowDown');
  await comment.press('Tab');
  await expect(comment).toHaveValue('cc @bea-member ');
});

test('a mention typed by hand links to the person without JavaScript', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(page, '/');
  await post(page, 'Welcome @bea-member and #newcomers');
  const card = feed(page).getByRole('article').filter({ hasText: 'Welcome' });
  await expect(card.getByRole('link', { name: '@bea-member', exact: true })).toHaveAttribute('href', '/people/bea-member');
  await expect(card.getByRole('link', { name: '#newcomers', exact: true })).toHaveAttribute('href', '/topics/newcomers');
});
