// Groups: a secret group is invisible to others until they are invited; an invitee accepts,
// posts in it, and the composer says who will see a post; a private group is asked to join and
// approved; a member is removed and their open feed stops receiving the group's posts.
const { test, expect, jsEnabled } = require('../support/fixtures');
const { BEA, LIVE, PASSWORD, feed, field, joinAs, liveStatus, post, setupOrganization, visit } = require('../support/actions');

const CY = { name: 'Cy Outsider', email: 'cy@example.org', password: PASSWORD };
const button = (page, name) => page.getByRole('button', { name, exact: true });

async function createGroup(page, { name, description, visibility }) {
  await visit(page, '/groups');
  await page.getByRole('link', { name: 'New group', exact: true }).click();
  await field(page, 'Group name').fill(name);
  await field(page, 'Description').fill(description);
  await field(page, 'About').fill('We meet on **Tuesdays**.');
  await page.getByRole('radiogroup', { name: 'Visibility' }).getByLabel(visibility, { exact: true }).check();
  await button(page, 'Create group').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function groupPost(page, text) {
  await field(page, 'Share an update').fill(text);
  await button(page, 'Post').click();
  await expect(page.getByRole('region', { name: 'Group posts' }).getByText(text)).toBeVisible();
}

test('a secret group is found by nobody else until they are invited', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  const cy = await newPage();
  await joinAs(server, cy, CY);

  const falcon = await createGroup(page, { name: 'Project Falcon', description: 'The new engine', visibility: 'Secret' });
  await expect(page.getByText('Secret group · 1 member')).toBeVisible();
  await expect(page.locator('.group-about strong')).toHaveText('Tuesdays');

  // Not listed, and its address is not found, for Bea and Cy.
  await visit(bea, '/groups');
  await expect(bea.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await expect(bea.getByText('Project Falcon')).toHaveCount(0);
  const response = await bea.goto(falcon);
  expect(response.status()).toBe(404);

  // Ada invites Bea by email; Bea finds the invitation and accepts.
  await visit(page, falcon);
  await page.locator('summary', { hasText: 'Invite people' }).click();
  await field(page, 'Invite people').fill(BEA.email);
  await button(page, 'Send invitations').click();
  await visit(bea, '/groups');
  const invitations = bea.getByRole('region', { name: 'Invitations' });
  await expect(invitations.getByRole('link', { name: 'Project Falcon' })).toBeVisible();
  await button(bea, 'Accept invitation').click();
  await visit(bea, falcon);
  await expect(button(bea, 'Leave group')).toBeVisible();
  await expect(bea.getByText('Secret group · 2 members')).toBeVisible();

  // Bea posts in the group from its page; the line says who will see it.
  await expect(bea.getByRole('status').filter({ hasText: 'Members of the secret group Project Falcon (2 people)' })).toBeVisible();
  await groupPost(bea, 'Falcon kickoff is on Monday');

  // From the home page she chooses where a post goes, and is told who will see it.
  await visit(bea, '/');
  const audience = bea.getByLabel('Audience', { exact: true });
  await expect(audience.getByRole('option')).toHaveText(['Everyone', 'Project Falcon']);
  await expect(bea.getByRole('status').filter({ hasText: 'Everyone in Northwind Cooperative (3 people)' })).toBeVisible();
  await audience.selectOption({ label: 'Project Falcon' });
  if (jsEnabled()) {
    await expect(bea.getByRole('status').filter({ hasText: 'Members of the secret group Project Falcon (2 people)' })).toBeVisible();
  }
  await post(bea, 'Falcon notes from the home page');
  await expect(feed(bea).getByText('Falcon notes from the home page')).toBeVisible();
  const card = feed(bea).getByRole('article').filter({ hasText: 'Falcon notes from the home page' });
  await expect(card.getByRole('link', { name: 'Project Falcon', exact: true })).toBeVisible();

  // Cy sees none of it.
  await visit(cy, '/');
  await expect(feed(cy).getByText('Falcon')).toHaveCount(0);
  await expect(cy.getByLabel('Audience', { exact: true })).toHaveCount(0);
});

test('a private group is asked to join, approved, and a removed member stops receiving it', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);

  const leads = await createGroup(page, { name: 'Team Leads', description: 'Planning', visibility: 'Private' });
  await groupPost(page, 'Budget draft for the leads');

  // Bea sees that it exists, not what is in it, and asks to join.
  await visit(bea, '/groups');
  await bea.getByRole('link', { name: 'Team Leads', exact: true }).click();
  await expect(bea.getByText('Only members see this group’s posts and members.')).toBeVisible();
  await expect(bea.getByText('Budget draft')).toHaveCount(0);
  await button(bea, 'Ask to join').click();
  await expect(bea.getByText('You asked to join.', { exact: false })).toBeVisible();

  // Ada approves from the requests page.
  await visit(page, leads);
  await page.getByRole('link', { name: 'Requests', exact: true }).click();
  const request = page.getByRole('listitem').filter({ hasText: BEA.name });
  await request.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('Nobody is waiting to join.')).toBeVisible();
  await visit(bea, leads);
  await expect(bea.getByText('Budget draft for the leads')).toBeVisible();

  // Bea keeps her home feed open; Ada removes her, then posts in the group and to everyone.
  await visit(bea, '/');
  await expect(feed(bea).getByText('Budget draft for the leads')).toBeVisible();
  if (jsEnabled()) await expect(liveStatus(bea)).toHaveText(LIVE);
  await visit(page, `${leads}/members`);
  const row = page.getByRole('listitem').filter({ hasText: BEA.name });
  await row.getByRole('button', { name: 'Remove from group', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: BEA.name })).toHaveCount(0);
  await visit(page, leads);
  await groupPost(page, 'Reorg plans, leads only');
  await visit(page, '/');
  await post(page, 'Lunch for everyone at noon');
  if (jsEnabled()) {
    await expect(feed(bea).getByText('Lunch for everyone at noon')).toBeVisible();
  } else {
    await visit(bea, '/');
    await expect(feed(bea).getByText('Lunch for everyone at noon')).toBeVisible();
  }
  await expect(feed(bea).getByText('Reorg plans, leads only')).toHaveCount(0);
  await visit(bea, '/');
  await expect(feed(bea).getByText('Budget draft for the leads')).toHaveCount(0);
});

test('a public group is joined at once, and its name stays text', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  const name = '<img src=x onerror="window.pwned=1"> Guild';
  const guild = await createGroup(page, { name, description: '<b>bold?</b>', visibility: 'Public' });
  await groupPost(page, 'Welcome to the guild');

  await visit(bea, '/groups?q=guild');
  await expect(bea.getByRole('searchbox', { name: 'Search groups' })).toHaveValue('guild');
  await bea.getByRole('link', { name, exact: true }).click();
  await expect(bea.getByText('<b>bold?</b>')).toBeVisible();
  await expect(bea.getByText('Welcome to the guild')).toBeVisible();
  await expect(bea.getByLabel('Share an update', { exact: true })).toHaveCount(0);
  await button(bea, 'Join group').click();
  await expect(button(bea, 'Leave group')).toBeVisible();
  await expect(bea.getByText('Public group · 2 members')).toBeVisible();
  expect(await bea.evaluate(() => window.pwned)).toBeUndefined();
  await button(bea, 'Leave group').click();
  await expect(bea.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await visit(bea, guild);
  await expect(button(bea, 'Join group')).toBeVisible();
});
