// The directory import: an administrator previews a CSV file (every bad row named by its line),
// fixes it, imports it, and sends activation links; an imported colleague activates their
// account from the mail; the same file again previews every row as unchanged.
const { test, expect, hydrated, jsEnabled } = require('../support/fixtures');
const { linkMailedTo } = require('../support/mail');
const { ADMIN, BEA, PASSWORD, field, joinAs, profileLink, setupOrganization, visit } = require('../support/actions');

const HEADER = 'name,email,title,department,location,manager_email,ask_me_about';
const csv = (lines) => ({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n')) });
const GOOD = [
  `Cy Chen,cy@example.org,VP Design,Design,Paris,${ADMIN.email},"Typography, Research"`,
  'Di Dorn,di@example.org,Designer,Design,Paris,cy@example.org,',
];

async function preview(page, file) {
  await field(page, 'CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Preview of people.csv' })).toBeVisible();
  await hydrated(page);
}

test('an administrator previews, fixes and imports a file; a colleague activates', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  await visit(page, '/people');
  await page.getByRole('link', { name: 'Import people from a CSV file' }).click();
  await hydrated(page);

  await preview(page, csv([...GOOD, 'Ed Eng,not-an-email,,,,,', 'Fa Fox,fa@example.org,,,,nobody@example.org,']));
  const errors = page.getByRole('region', { name: 'Rows with errors' });
  await expect(errors.getByRole('row').filter({ hasText: 'Not a valid email address' })).toContainText('4');
  await expect(errors.getByRole('row').filter({ hasText: 'Unknown manager' })).toContainText('5');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  await preview(page, csv(GOOD));
  await expect(page.getByText('2 people: 2 to create, 0 to update, 0 unchanged, 0 with errors.')).toBeVisible();
  const importForm = page.locator('form[action="/api/import_people"]');
  if (jsEnabled()) {
    // The first submit is held on the page (an import here takes milliseconds), so the
    // progress line it brings up can be seen; then the form is sent.
    await importForm.evaluate((form) => form.addEventListener('submit', (e) => e.preventDefault(), { once: true }));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Importing 2 people… this takes a few seconds.' })).toBeVisible();
    await importForm.evaluate((form) => form.submit());
  } else {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Imported people.csv: 2 created, 0 updated, 0 unchanged.' })).toBeVisible();
  await page.getByRole('button', { name: 'Send activation links' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Activation links sent to 2 people.' })).toBeVisible();

  // Di opens her mail on her own phone: the link's page, then her password, and she is in,
  // in the org chart under Cy.
  const di = await newPage();
  const link = await linkMailedTo(server, 'di@example.org', '/activate');
  await visit(di, link);
  await field(di, 'Password').fill(PASSWORD);
  await di.getByRole('button', { name: 'Activate account' }).click();
  await expect(profileLink(di, 'Di Dorn')).toBeVisible();
  await profileLink(di, 'Di Dorn').click();
  await expect(di.getByRole('link', { name: 'Cy Chen' }).first()).toBeVisible();

  // The same file again: every row unchanged.
  await visit(page, '/admin/people/import');
  await preview(page, csv(GOOD));
  const rows = page.getByRole('region', { name: 'Rows', exact: true }).getByRole('row');
  await expect(rows).toHaveCount(3); // the header row and two people
  await expect(rows.filter({ hasText: 'unchanged' })).toHaveCount(2);
});

test('a member cannot open the import page', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  const response = await bea.goto('/admin/people/import');
  expect(response.status()).toBe(403);
  await expect(bea.getByText('Only administrators can import people.')).toBeVisible();
  await expect(bea.getByLabel('CSV file')).toHaveCount(0);
});
