// People: the directory (a plain GET form, and results as you type with WebAssembly), richer
// profiles, and the org chart.
const { test, expect, hydrated, jsEnabled } = require('../support/fixtures');
const { ADMIN, BEA, field, joinAs, profileLink, setupOrganization, visit } = require('../support/actions');

const results = (page) => page.getByRole('region', { name: 'Search results' });

async function editOwnProfile(page, name, fields) {
  await profileLink(page, name).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByText('Edit profile', { exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await field(page, label).fill(value);
  await page.getByRole('button', { name: 'Save profile' }).click();
}

test('finding a colleague in the directory by what they can be asked about', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await editOwnProfile(bea, BEA.name, {
    Pronouns: 'she/her',
    Title: 'Staff Engineer',
    Department: 'Platform',
    Location: 'Lyon',
    'Time zone': 'Europe/Paris',
    'Ask me about': 'Rust, Accessibility',
    Languages: 'English, Français',
  });
  await expect(bea.getByText('she/her', { exact: true })).toBeVisible();
  await expect(bea.getByText(/^\d\d:\d\d local time$/)).toBeVisible();

  await visit(page, '/');
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await hydrated(page);
  await field(page, 'Search people').fill('accessib');
  if (!jsEnabled()) await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(results(page).getByRole('link', { name: BEA.name })).toBeVisible();
  await expect(results(page).getByRole('link', { name: ADMIN.name })).toHaveCount(0);
  const experts = page.getByRole('region', { name: 'Who knows about accessib' });
  await expect(experts.getByRole('listitem').filter({ hasText: BEA.name })).toContainText('Lists it under Ask me about');

  await field(page, 'Search people').fill('');
  await field(page, 'Department').selectOption('Platform');
  if (!jsEnabled()) await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(results(page).getByRole('link', { name: BEA.name })).toBeVisible();
  await expect(results(page).getByRole('link', { name: ADMIN.name })).toHaveCount(0);
});

test('a manager puts a person in the org chart, and a loop is refused', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await editOwnProfile(bea, BEA.name, { Manager: ADMIN.email });
  const chart = bea.getByRole('region', { name: 'Org chart' });
  await expect(chart.getByRole('link', { name: ADMIN.name })).toBeVisible();

  await chart.getByRole('link', { name: ADMIN.name }).click();
  await expect(bea.getByRole('region', { name: 'Org chart' }).getByRole('link', { name: BEA.name })).toBeVisible();

  // Ada cannot report to someone who reports to her.
  const beaHandle = (await profileLink(bea, BEA.name).getAttribute('href')).split('/').pop();
  await editOwnProfile(page, ADMIN.name, { Manager: beaHandle });
  await expect(page.getByRole('alert').filter({ hasText: 'would make a loop' })).toBeVisible();
});

test('a colleague in the same department is suggested, and dismissing keeps them away', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await editOwnProfile(bea, BEA.name, { Department: 'Platform' });
  await expect(bea.getByText('Platform', { exact: true })).toBeVisible();
  await editOwnProfile(page, ADMIN.name, { Department: 'Platform' });

  await visit(page, '/');
  const suggestions = page.getByRole('region', { name: 'People you may want to know' });
  const beaSuggested = suggestions.getByRole('listitem').filter({ hasText: BEA.name });
  await expect(beaSuggested.getByText('Works in Platform with you', { exact: true })).toBeVisible();
  await hydrated(page);
  await beaSuggested.getByRole('button', { name: 'Dismiss', exact: true }).click();
  // With WebAssembly it is hidden in place; without, the page comes back without it.
  await expect(beaSuggested).toBeHidden();
  // She was the only one: no empty heading is left behind.
  await expect(suggestions).toBeHidden();

  await visit(page, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByText('Works in Platform with you', { exact: true })).toHaveCount(0);
});
