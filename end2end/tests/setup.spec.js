// First run: a new install asks for the organization and its first administrator.
const { test, expect, hydrated } = require('../support/fixtures');
const { ADMIN, alertWith, field, profileLink, signOutButton, submitSetup } = require('../support/actions');

test('a new install sends visitors to setup, and setup signs the admin in', async ({ page, server }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up your organization' })).toBeVisible();
  await hydrated(page);

  await submitSetup(page, ADMIN);

  await expect(page).toHaveURL(`${server.url}/`);
  await expect(signOutButton(page)).toBeVisible();
  await expect(profileLink(page, ADMIN.name)).toHaveAttribute('href', /^\/people\/[a-z0-9-]+$/);

  // Setup happens once: afterwards its address leads home.
  await page.goto('/setup');
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(field(page, 'Organization name')).toHaveCount(0);
});

test('a password that is too short keeps you on the form with an error', async ({ page, server }) => {
  // The password field has no minlength, so the browser submits it and the server answers.
  await submitSetup(page, { ...ADMIN, password: 'short' });

  await expect(alertWith(page, 'Choose a password of at least 10 characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/setup/);
  await expect(signOutButton(page)).toHaveCount(0);
  // What was typed is kept (without JavaScript it comes back in the address), except the password.
  await expect(field(page, 'Organization name')).toHaveValue(ADMIN.organization);
  await expect(field(page, 'Email')).toHaveValue(ADMIN.email);

  // Correcting the password finishes setup.
  await field(page, 'Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(signOutButton(page)).toBeVisible();
  await expect(page).toHaveURL(`${server.url}/`);
});
