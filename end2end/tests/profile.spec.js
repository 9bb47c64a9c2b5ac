// Profiles: members describe themselves; only they can edit their own; text stays text.
const { test, expect, hydrated } = require('../support/fixtures');
const { ADMIN, BEA, field, joinAs, profileLink, setupOrganization, visit } = require('../support/actions');

/** The profile card: a region named after the person (the posts list is "Posts by …"). */
const card = (page, name) => page.getByRole('region', { name, exact: true });
const paragraph = (page, name, text) => card(page, name).getByRole('paragraph').filter({ hasText: text });

async function openOwnProfile(page, name) {
  await profileLink(page, name).click();
  await expect(page).toHaveURL(/\/people\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await hydrated(page);
}

async function editProfile(page, { title = '', department = '', about = '' }) {
  await page.getByText('Edit profile', { exact: true }).click(); // the <summary> opens the form
  await field(page, 'Title').fill(title);
  await field(page, 'Department').fill(department);
  await field(page, 'About').fill(about);
  await page.getByRole('button', { name: 'Save profile' }).click();
}

test('members edit their own profile', async ({ page }) => {
  await setupOrganization(page);
  await openOwnProfile(page, ADMIN.name);
  await expect(card(page, ADMIN.name).getByRole('heading', { name: 'About' })).toBeVisible();

  await editProfile(page, { title: 'Staff Engineer', department: 'Platform', about: 'I keep the lights on.' });

  const check = async () => {
    await expect(paragraph(page, ADMIN.name, 'Staff Engineer')).toHaveText('Staff Engineer · Platform');
    await expect(paragraph(page, ADMIN.name, 'I keep the lights on.')).toBeVisible();
  };
  await check();
  await page.reload();
  await check();
});

test('another member’s profile has no edit form', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const adaProfile = await profileLink(page, ADMIN.name).getAttribute('href');

  const bea = await newPage();
  await joinAs(server, bea, BEA);
  await visit(bea, adaProfile);
  await expect(bea.getByRole('heading', { level: 1, name: ADMIN.name })).toBeVisible();
  await expect(bea.getByText('Edit profile', { exact: true })).toHaveCount(0);
  await expect(bea.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
});

test('markup in a profile shows as literal text', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await setupOrganization(page);
  await openOwnProfile(page, ADMIN.name);
  const markup = '<script>alert(1)</script>';
  await editProfile(page, { title: '<b>Boss</b>', about: markup });

  for (const reload of [false, true]) {
    if (reload) await visit(page, page.url());
    await expect(paragraph(page, ADMIN.name, markup)).toHaveText(markup);
    await expect(paragraph(page, ADMIN.name, '<b>Boss</b>')).toHaveText('<b>Boss</b>');
    await expect(card(page, ADMIN.name).locator('script, b')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
