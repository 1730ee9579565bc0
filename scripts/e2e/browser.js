// @ts-check
'use strict';

// A real browser against n8n's editor: Debian's Chromium (installed with apt-get when missing and
// allowed: root on a Debian-like system, as CI is), driven by playwright-core, which is fetched
// from the npm registry into the n8n cache folder on first use so the package's own dependencies
// stay as they are. Playwright's own browser download does not work here; Debian's build does.

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PLAYWRIGHT_VERSION = '1.65.1';
const CHROMIUM_BINARIES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const APT_TIMEOUT_MS = 10 * 60_000;
const NPM_TIMEOUT_MS = 5 * 60_000;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** @returns {string | undefined} CHROMIUM when set, else Debian's binary when installed */
function findChromium() {
	if (process.env.CHROMIUM) return fs.existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : undefined;
	return CHROMIUM_BINARIES.find((file) => fs.existsSync(file));
}

/**
 * The path of Chromium, installing Debian's package when it is missing and this process may (root,
 * apt-get present); otherwise the reason there is none. Synchronous, so that a test file can
 * decide at load time whether it runs or is skipped with that reason.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ path: string } | { reason: string }}
 */
function ensureChromium(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const found = findChromium();
	if (found) return { path: found };
	if (process.env.CHROMIUM) return { reason: `CHROMIUM=${process.env.CHROMIUM} does not exist` };
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		return { reason: 'chromium is not installed; install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM=/path to run the editor test' };
	}
	log('Installing chromium with apt-get');
	const started = Date.now();
	const apt = (/** @type {string[]} */ args) =>
		spawnSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8', timeout: APT_TIMEOUT_MS });
	apt(['update']);
	// Fonts come with it (fonts-liberation is a dependency), so text in screenshots is readable.
	const install = apt(['install', '-y', '--no-install-recommends', 'chromium']);
	const installed = findChromium();
	if (installed) {
		log(`  chromium installed in ${Math.round((Date.now() - started) / 1000)} s`);
		return { path: installed };
	}
	return { reason: `apt-get install -y chromium failed (exit ${install.status}):\n${install.stderr}` };
}

/**
 * playwright-core, installed once into the n8n cache folder (ZENVIA_N8N_CACHE, as
 * scripts/install-n8n.sh uses it).
 * @returns {typeof import('playwright-core')}
 */
function playwright() {
	const cacheRoot = process.env.ZENVIA_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-zenvia-chat');
	const prefix = path.join(cacheRoot, `playwright-core-${PLAYWRIGHT_VERSION}`);
	const entry = path.join(prefix, 'node_modules', 'playwright-core');
	if (!fs.existsSync(path.join(entry, 'package.json'))) {
		const env = { ...process.env };
		// npm run's settings (the project's ignore-scripts, its prefix) must not leak into this install.
		for (const key of Object.keys(env)) if (key.startsWith('npm_config_')) delete env[key];
		const install = spawnSync(
			'npm',
			['install', '--prefix', prefix, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `playwright-core@${PLAYWRIGHT_VERSION}`],
			{ env, encoding: 'utf8', timeout: NPM_TIMEOUT_MS },
		);
		if (install.status !== 0) throw new Error(`npm install playwright-core@${PLAYWRIGHT_VERSION} failed (exit ${install.status}):\n${install.stderr}`);
	}
	return require(entry);
}

/**
 * Headless Chromium.
 * @param {string} executablePath from ensureChromium
 */
function launchChromium(executablePath) {
	return playwright().chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
}

/**
 * Signs in through the editor's own form.
 * @param {import('playwright-core').Page} page
 * @param {string} url n8n's address
 * @param {{ email: string, password: string }} login
 */
async function signInPage(page, url, login) {
	await page.goto(`${url}/signin`);
	await page.locator('input[type="email"]').fill(login.email);
	await page.locator('input[type="password"]').fill(login.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((address) => !address.pathname.startsWith('/signin'), { timeout: 60_000 });
}

// What follows reads n8n 2.41.1's editor the way a person does: by the texts it shows and the
// data-test-id attributes n8n's own end-to-end tests use. Every wait is bounded by the page's
// default timeout (set by the caller).

/** @typedef {import('playwright-core').Page} Page */

/** The node panel (NDV) and the node creator. */
const NDV = '[data-test-id="ndv"]';
const CREATOR = '[data-test-id="node-creator"]';

/**
 * A new, empty workflow, opened the way the editor's "+ > New workflow" does (no page reload).
 * @param {Page} page
 */
async function newWorkflow(page) {
	if (await page.locator(NDV).isVisible()) await closePanel(page);
	const before = page.url();
	const opened = () => page.url() !== before && /[?&]new=true/.test(page.url());
	// A workflow the editor has not saved yet (its autosave runs after a pause) asks first.
	const leave = page.getByRole('button', { name: /^Leave without saving$/ });
	const deadline = Date.now() + 30_000;
	// The editor asks n8n for the new workflow's defaults (its project among them, which decides
	// the credentials a new node may pick): nodes are added once it has them.
	const defaults = page.waitForResponse((response) => /\/rest\/workflows\/new\b/.test(response.url()), { timeout: 30_000 }).catch(() => undefined);
	// A click the editor drops (a dialog or menu closing at that moment) is tried again.
	while (!opened()) {
		if (Date.now() > deadline) throw new Error(`"New workflow" did not open a new workflow (still at ${page.url()})`);
		if (!(await leave.isVisible())) {
			const item = page.locator('[data-test-id="navigation-menu-item"]', { hasText: 'New workflow' });
			if (!(await item.isVisible())) await page.locator('[data-test-id="universal-add"]').click();
			await item.click({ timeout: 5000 }).catch(() => undefined);
		}
		for (const tryUntil = Date.now() + 4000; !opened() && Date.now() < tryUntil; ) {
			if (await leave.isVisible()) await leave.click({ timeout: 2000 }).catch(() => undefined);
			await page.waitForTimeout(100);
		}
	}
	await defaults;
	// The "+" menu stays open over the canvas otherwise.
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-wrapper"]').getByText('Add first step').waitFor();
}

/**
 * Opens the node creator with the canvas's "+" and types `search` into it.
 * @param {Page} page
 * @param {string} search
 */
async function searchNodes(page, search) {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page.locator(`${CREATOR} input[data-test-id="node-creator-search-bar"]`).fill(search);
}

/**
 * The node creator's page of one app (found by its name), with `category` (Actions or Triggers)
 * open. The editor remembers which categories were open, so it is opened only when closed.
 * @param {Page} page
 * @param {string} appName e.g. Zenvia Chat
 * @param {'Actions' | 'Triggers'} category
 */
async function openAppCategory(page, appName, category) {
	await searchNodes(page, appName);
	await page.locator(`${CREATOR} [data-test-id="node-creator-item-name"]`, { hasText: new RegExp(`^${escapeRegExp(appName)}$`) }).first().click();
	const header = page.locator(`${CREATOR} [data-test-id="node-creator-category-item"]`, { hasText: new RegExp(`^${category} \\(\\d+\\)`) });
	await header.waitFor();
	// Its wrapper says whether it is folded.
	const isOpen = async () => header.evaluate((element) => element.parentElement?.getAttribute('data-category-collapsed') !== 'true');
	if (!(await isOpen())) await header.click();
	await page.locator(`${CREATOR} [data-category-collapsed="false"] [data-test-id="node-creator-category-item"]`, { hasText: new RegExp(`^${category} \\(`) }).waitFor();
}

/**
 * Adds the action `action` of the group `groupTitle` ("<Resource> Actions" in the creator) of the
 * app `appName` to the open workflow, and waits for its panel to show its parameters.
 * @param {Page} page
 * @param {{ appName: string, groupTitle: string, action: string }} pick
 */
async function addAction(page, pick) {
	await openAppCategory(page, pick.appName, 'Actions');
	// Two resources may name an action alike ("Notify that the customer is typing"): take the
	// one under the resource's title. The creator renders a long list in steps: wait for it.
	const found = await page
		.waitForFunction(
			({ creator, groupTitle, action }) => {
				const items = [...document.querySelectorAll(`${creator} [data-test-id="item-iterator-item"]`)];
				let group = '';
				for (let i = 0; i < items.length; i++) {
					const name = items[i].querySelector('[data-test-id="node-creator-item-name"]');
					if (!name) {
						group = (items[i].textContent ?? '').trim();
						continue;
					}
					if (group.toLowerCase() === groupTitle.toLowerCase() && (name.textContent ?? '').trim() === action) return i + 1;
				}
				return 0;
			},
			{ creator: CREATOR, groupTitle: pick.groupTitle, action: pick.action },
			{ timeout: 10_000, polling: 100 },
		)
		.catch(() => undefined);
	const index = found ? Number(await found.jsonValue()) - 1 : -1;
	if (index < 0) throw new Error(`The node creator shows no "${pick.action}" under "${pick.groupTitle}"`);
	await page.locator(`${CREATOR} [data-test-id="item-iterator-item"]`).nth(index).click();
	await waitForPanel(page);
}

/**
 * Adds the app's trigger entry `entry` (e.g. "On agent message") from the creator's Triggers.
 * @param {Page} page
 * @param {{ appName: string, entry: string }} pick
 */
async function addTrigger(page, pick) {
	await openAppCategory(page, pick.appName, 'Triggers');
	await page.locator(`${CREATOR} [data-test-id="node-creator-item-name"]`, { hasText: new RegExp(`^${escapeRegExp(pick.entry)}$`) }).click();
	await waitForPanel(page);
}

/**
 * Opens the panel of the canvas node `nodeName` with a double click.
 * @param {Page} page
 * @param {string} nodeName
 */
async function openNode(page, nodeName) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`).dblclick();
	await waitForPanel(page);
}

/**
 * Closes the editor's toasts ("Credentials auto-added" and the like), which cover the canvas's
 * lower right corner.
 * @param {Page} page
 */
async function dismissToasts(page) {
	const close = page.locator('.el-notification .el-notification__closeBtn:visible');
	for (let count = await close.count(); count > 0; count = await close.count()) {
		await close.first().click();
		await page.waitForFunction((before) => document.querySelectorAll('.el-notification .el-notification__closeBtn').length < before, count).catch(() => undefined);
	}
}

/** @param {Page} page */
async function waitForPanel(page) {
	await page.locator(`${NDV} [data-test-id="node-parameters"] [data-test-id="parameter-item"]`).first().waitFor();
}

/** @param {Page} page */
async function closePanel(page) {
	await page.locator(`${NDV} [data-test-id="ndv-close-button"]`).click();
	await page.locator(NDV).waitFor({ state: 'hidden' });
}

/**
 * What the open panel's Parameters tab shows: the label of every field in view (those of the
 * Settings tab are hidden), each notice's text, the node's name in the panel's title, and the
 * parameter names of the inputs shown (n8n names a resource mapper's column by it in issues).
 * @param {Page} page
 * @returns {Promise<{ title: string, fields: string[], notices: string[], inputs: string[] }>}
 */
function readPanel(page) {
	return page.evaluate((ndv) => {
		const root = document.querySelector(`${ndv} [data-test-id="node-parameters"]`);
		if (!root) throw new Error('No node panel is open');
		const text = (/** @type {Element | null} */ element) => ((element instanceof HTMLElement ? element.innerText : element?.textContent) ?? '').replace(/\s+/g, ' ').trim();
		const shown = (/** @type {Element} */ element) => element.checkVisibility();
		const fields = [...root.querySelectorAll('[data-test-id="input-label"], [data-test-id="credentials-label"]')]
			.filter(shown)
			.map((label) => text(label.querySelector('label [class*="_title_"]') ?? label.querySelector('label')))
			.filter(Boolean);
		const notices = [...root.querySelectorAll('.notice, .n8n-callout')].filter(shown).map(text);
		const inputs = [...root.querySelectorAll('[data-test-id^="parameter-input-"]')]
			.filter(shown)
			.map((input) => (input.getAttribute('data-test-id') ?? '').slice('parameter-input-'.length));
		return { title: text(document.querySelector(`${ndv} [data-test-id="node-title-container"] [data-test-id="inline-edit-preview"]`)), fields, notices, inputs };
	}, NDV);
}

/**
 * A node on the canvas as a person sees it: its subtitle, and the issues its warning badge lists
 * when hovered (none when it shows no badge).
 * @param {Page} page
 * @param {string} nodeName
 * @returns {Promise<{ subtitle: string, issues: string[] }>}
 */
async function readCanvasNode(page, nodeName) {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`);
	await node.waitFor();
	const subtitle = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"] [class*="_subtitle_"]`);
	const subtitleText = (await subtitle.count()) > 0 ? ((await subtitle.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
	const badge = node.locator('[data-test-id="node-issues"]');
	/** @type {string[]} */
	let issues = [];
	if ((await badge.count()) > 0) {
		await badge.hover();
		const tooltip = page.locator('[data-test-id="tooltip-content"]', { hasText: 'Issues' }).last();
		await tooltip.waitFor();
		const lines = ((await tooltip.innerText()) ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
		issues = lines.filter((line) => line !== 'Issues').map((line) => line.replace(/^- /, ''));
		// Move away so the tooltip does not cover the next screenshot.
		await page.mouse.move(5, 5);
		await tooltip.waitFor({ state: 'hidden' });
	}
	return { subtitle: subtitleText, issues };
}

/**
 * The credential the open panel shows in its Credential field ('' when none is picked). n8n fills
 * the field's text in after the panel opens, so it is read once it settles on a known name.
 * @param {Page} page
 * @param {string[]} knownNames the instance's credentials of any type
 */
async function shownCredential(page, knownNames) {
	const input = page.locator(`${NDV} [data-test-id="node-credentials-select"] input`);
	await input.waitFor();
	const deadline = Date.now() + 5000;
	let value = await input.inputValue();
	while (!knownNames.includes(value) && Date.now() < deadline) {
		await page.waitForTimeout(100);
		value = await input.inputValue();
	}
	return value;
}

/**
 * Picks the credential `name` in the open panel's Credential field, unless it is picked already
 * (or, with `onlyIfNone`, unless any credential is).
 * @param {Page} page
 * @param {string} name
 * @param {string[]} knownNames
 * @param {{ onlyIfNone?: boolean }} [options]
 */
async function pickCredential(page, name, knownNames, options = {}) {
	const input = page.locator(`${NDV} [data-test-id="node-credentials-select"] input`);
	if (!(await input.isVisible())) {
		// No credential picked and the field shows n8n's "Connect to ..." button instead of the
		// list (seen when a node is added while the editor still loads the workflow): the list
		// shows once the panel is opened again.
		const nodeName = ((await page.locator(`${NDV} [data-test-id="node-title-container"] [data-test-id="inline-edit-preview"]`).textContent()) ?? '').trim();
		await closePanel(page);
		await openNode(page, nodeName);
	}
	const shown = await shownCredential(page, knownNames);
	if (shown === name || (options.onlyIfNone && knownNames.includes(shown))) return;
	await input.click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }).click();
	await page.waitForFunction(
		({ ndv, expected }) => /** @type {HTMLInputElement | null} */ (document.querySelector(`${ndv} [data-test-id="node-credentials-select"] input`))?.value === expected,
		{ ndv: NDV, expected: name },
	);
}

/** @param {string} text */
function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `node scripts/e2e/browser.js`: installs what the editor test needs (CI runs it before the tests).
if (require.main === module) {
	const found = ensureChromium();
	if ('reason' in found) {
		console.error(found.reason);
		process.exit(1);
	}
	playwright();
	console.log(`Chromium: ${found.path}; playwright-core ${PLAYWRIGHT_VERSION}`);
}

module.exports = {
	PLAYWRIGHT_VERSION,
	NDV,
	CREATOR,
	findChromium,
	ensureChromium,
	playwright,
	launchChromium,
	signInPage,
	newWorkflow,
	searchNodes,
	openAppCategory,
	addAction,
	addTrigger,
	waitForPanel,
	openNode,
	dismissToasts,
	closePanel,
	readPanel,
	readCanvasNode,
	shownCredential,
	pickCredential,
	escapeRegExp,
};
