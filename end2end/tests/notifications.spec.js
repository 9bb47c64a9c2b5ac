// Notifications: a mention and a comment reach the person they concern, the header's bell
// counts them (live with WebAssembly), the page links to each item, and "Mark all as read".
const { test, expect, jsEnabled } = require('../support/fixtures');
const { ADMIN, BEA, LIVE, feed, field, joinAs, liveStatus, post, setupOrganization, visit } = require('../support/actions');

const bell = (page, name) => page.getByRole('banner').getByRole('link', { name, exact: true });

test('a mention and a comment notify, and the bell says how many', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(bea, '/');
  await expect(bell(bea, 'Notifications')).toBeVisible();
  if (jsEnabled()) await expect(liveStatus(bea)).toHaveText(LIVE);

  await post(page, 'Welcome aboard, @bea-member!');
  const card = feed(page).getByRole('article').filter({ hasText: 'Welcome aboard' });
  await expect(card.getByRole('link', { name: '@bea-member', exact: true })).toHaveAttribute('href', '/people/bea-member');

  if (!jsEnabled()) await visit(bea, '/');
  await expect(bell(bea, 'Notifications, 1 unread')).toBeVisible();

  // Bea comments on her own post: nobody hears of it; Ada comments: Bea does.
  await post(bea, 'My first week');
  const beasCard = feed(page).getByRole('article').filter({ hasText: 'My first week' });
  if (!jsEnabled()) await visit(page, '/');
  await field(beasCard, 'Write a comment').fill('Glad you are here');
  await button(beasCard, 'Comment').click();
  await expect(beasCard.getByText('Glad you are here')).toBeVisible();
  if (!jsEnabled()) await visit(bea, '/');
  await expect(bell(bea, 'Notifications, 2 unread')).toBeVisible();

  await bell(bea, 'Notifications, 2 unread').click();
  await expect(bea.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = bea.getByRole('region', { name: 'Your notifications' });
  await expect(list.getByRole('link', { name: `Unread: ${ADMIN.name} commented on your post` })).toBeVisible();
  await list.getByRole('link', { name: `Unread: ${ADMIN.name} mentioned you in a post` }).click();
  await expect(bea.getByText('Welcome aboard, @bea-member!')).toBeVisible();

  await visit(bea, '/notifications');
  await bea.getByRole('button', { name: 'Mark all as read', exact: true }).click();
  await expect(bell(bea, 'Notifications')).toBeVisible();
  await expect(bea.getByRole('button', { name: 'Mark all as read', exact: true })).toHaveCount(0);
  await expect(list.getByRole('link', { name: `${ADMIN.name} commented on your post` })).toBeVisible();
});

function button(scope, name) {
  return scope.getByRole('button', { name, exact: true });
}
