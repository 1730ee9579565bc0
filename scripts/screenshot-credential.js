#!/usr/bin/env node
// @ts-check
'use strict';

// Retakes the README's pictures of the n8n editor: docs/images/credential-dialog.png (the Zenvia
// Chat API credential) and docs/images/node-search-omnize.png (the node panel found by the old
// product name). Starts `npm run demo` (its n8n, emulator and credential) on a free port, signs in
// with Debian's Chromium driven by playwright-core and takes the pictures.
//
//   apt-get install chromium   (once; /usr/bin/chromium, or CHROMIUM=/path)
//   node scripts/screenshot-credential.js
//
// playwright-core is fetched from the npm registry into the n8n cache folder on first use, so the
// package's own dependencies stay as they are.

const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, REPO_DIR } = require('./e2e');
const { LOGIN } = require('./demo');

const PLAYWRIGHT_VERSION = '1.65.1';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const IMAGES = path.join(REPO_DIR, 'docs', 'images');
const OUTPUT = path.join(IMAGES, 'credential-dialog.png');
const SEARCH_OUTPUT = path.join(IMAGES, 'node-search-omnize.png');
const CREDENTIAL_NAME = 'Zenvia Chat account';
const DEMO_READY_TIMEOUT_MS = 15 * 60_000;

function playwright() {
	const cacheRoot = process.env.ZENVIA_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-zenvia-chat');
	const prefix = path.join(cacheRoot, `playwright-core-${PLAYWRIGHT_VERSION}`);
	const entry = path.join(prefix, 'node_modules', 'playwright-core');
	if (!fs.existsSync(entry)) {
		execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`], {
			stdio: 'inherit',
		});
	}
	return require(entry);
}

/** Starts the demo and resolves once it prints that the editor is ready. */
function startDemo(port) {
	const demo = spawn(process.execPath, [path.join(REPO_DIR, 'scripts', 'demo.js')], {
		cwd: REPO_DIR,
		env: { ...process.env, N8N_PORT: String(port), DEMO_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-screenshot-')) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const ready = new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error('The demo did not get ready in time')), DEMO_READY_TIMEOUT_MS);
		demo.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('Press Ctrl-C')) {
				clearTimeout(timer);
				resolve(undefined);
			}
		});
		demo.on('exit', (code) => reject(new Error(`The demo exited with code ${code}:\n${output}`)));
	});
	return { demo, ready };
}

async function main() {
	const { chromium } = playwright();
	const port = await freePort();
	const { demo, ready } = startDemo(port);
	const stopped = new Promise((resolve) => demo.on('exit', resolve));
	try {
		await ready;
		const browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
			await page.goto(`http://localhost:${port}/signin`);
			await page.locator('input[type="email"]').fill(LOGIN.email);
			await page.locator('input[type="password"]').fill(LOGIN.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
			await page.goto(`http://localhost:${port}/home/credentials`);
			await page.getByText(CREDENTIAL_NAME, { exact: true }).first().click();
			const dialog = page.getByRole('dialog');
			await dialog.getByText('Chat API Token').first().waitFor({ timeout: 60_000 });
			fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
			await dialog.screenshot({ path: OUTPUT });
			console.log(`Saved ${path.relative(REPO_DIR, OUTPUT)}`);

			// The node panel finds the nodes by the product's former name (the codex aliases).
			await page.goto(`http://localhost:${port}/workflow/new`);
			await page.locator('[data-test-id="node-creator-plus-button"]').click();
			await page.keyboard.type('Omnize');
			await page.getByText('Zenvia Chat', { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.screenshot({ path: SEARCH_OUTPUT });
			console.log(`Saved ${path.relative(REPO_DIR, SEARCH_OUTPUT)}`);
		} finally {
			await browser.close();
		}
	} finally {
		demo.kill('SIGINT');
		await stopped;
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
