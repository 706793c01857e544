// The Done-when flow in a real browser: Debian's Chromium driven by playwright-core, offline, desktop and phone.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '../artifacts');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the console in Chromium', () => {
  let web: TestWeb;
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  /** Any request that tried to leave the machine: there must be none. */
  const outside: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await testWeb(dbKinds()[0]!);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: web.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await web?.close();
  });

  async function open(width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height },
      acceptDownloads: true,
      locale: 'vi-VN',
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => outside.push(`page error: ${err.message}`));
    return { context, page };
  }

  async function ask(page: Page, text: string): Promise<string> {
    const before = await page.locator('.msg.bot').count();
    await page.locator('#chat-text').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(before + 1);
    return page.locator('.msg.bot').last().innerText();
  }

  it('chats as a leader and as staff with the keyboard, shows the change on the dashboard, and downloads the XLSX', async () => {
    const { context, page } = await open(1280, 900);

    await page.goto(`${origin}/dashboard`);
    await expect.poll(() => page.getByTestId('percent').innerText()).toBe('39,5%');
    await expect.poll(() => page.locator('#late-tasks-h').innerText()).toContain('(20)');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // A leader asks in Vietnamese and sees the overdue list.
    await page.goto(`${origin}/chat?as=P02`);
    const overdue = await ask(page, 'mục tiêu NQ57 nào quá hạn?');
    for (const code of [
      'NQ57-03',
      'NQ57-04',
      'NQ57-07',
      'NQ57-08',
      'NQ57-21',
      'NQ57-29',
      'NQ57-36',
      'NQ57-39',
      'NQ57-40',
    ])
      expect(overdue).toContain(code);
    await page.screenshot({ path: join(ARTIFACTS, 'chat.png'), fullPage: true });

    // The commune chairman of Tân Phú, chosen and driven with the keyboard alone.
    await page.locator('#chat-person').focus();
    await page.locator('#chat-person').selectOption('P32');
    await expect.poll(() => page.locator('.msg.note').last().innerText()).toContain('Nguyễn Văn Tâm');
    // Lowering progress asks first; the buttons are reached with Shift+Tab and pressed with Enter.
    expect(await ask(page, 'NQ57-29.4 50% 2 công chức xin hoãn')).toContain('50%');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Có');
    const count = await page.locator('.msg.bot').count();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(count + 1);
    expect(await page.locator('.msg.bot').last().innerText()).toContain('50%');
    expect(await ask(page, 'NQ57-29.4 xong')).toContain('100%');

    // The dashboard shows it: one overdue task fewer, and the update in this week's changes.
    await page.goto(`${origin}/dashboard?program=NQ57`);
    await expect.poll(() => page.locator('#late-tasks-h').innerText()).toContain('(19)');
    expect(await page.getByTestId('changes').locator('li').first().innerText()).toContain('NQ57-29.4');
    await page.getByTestId('changes').getByRole('link', { name: 'NQ57-29.4' }).first().click();
    expect(await page.locator('main').innerText()).toContain('2 công chức xin hoãn');

    // The report download.
    await page.goto(`${origin}/dashboard?program=NQ57`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Báo cáo tiến độ/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('dondoc-NQ57-2025-07-15.xlsx');
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    // English.
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('percent').innerText()).toBe('39.5%');
    await context.close();
    expect(outside).toEqual([]);
  }, 60_000);

  it('fits a 375 px phone screen, chat and dashboard', async () => {
    const { context, page } = await open(375, 812);
    for (const path of ['/dashboard?program=NQ57', '/dashboard/items/NQ57-12', '/chat?as=P10']) {
      await page.goto(`${origin}${path}`);
      // Strings, not functions: tsconfig has no DOM types, the page does.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      const wide = await page.evaluate<string>(
        `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')`,
      );
      expect(overflow, `${path} ${wide}`).toBeLessThanOrEqual(0);
    }
    await page.goto(`${origin}/dashboard?program=NQ57`);
    expect(await page.locator('.chart .narrow svg').isVisible()).toBe(true);
    expect(await page.locator('.chart .wide svg').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await page.goto(`${origin}/chat?as=P10`);
    expect(await ask(page, 'việc của tôi')).toContain('NQ57-');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone.png'), fullPage: true });
    await context.close();
    expect(outside).toEqual([]);
  }, 60_000);
});
