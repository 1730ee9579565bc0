// @ts-check
'use strict';

// The package in n8n 2.41.1's editor, in a real headless Chromium (Debian's, installed with apt-get
// when missing; see scripts/e2e/browser.js), signed in as the owner n8n makes at start:
//
// - every resource and operation of the built node (read from dist, so the list is complete) is
//   added as a NEW node to a new workflow through the node creator ("Zenvia Chat", then the
//   action), and what its panel and canvas show is compared with test/e2e/editor/fields.json:
//   the field labels, notices, the issues its warning badge lists, and its subtitle. Nothing may
//   mention a plain-text or deprecated secret, and the only issues allowed are the credential's
//   and "required" ones of fields the panel shows;
// - a new Zenvia Chat Trigger shows no plain-text secret either, and its canvas subtitle names
//   the picked events as the Events picker does;
// - every list (From List resource locators, options loaded from a method, resource mapper
//   columns) loads what the emulator serves;
// - every examples/*.json imports through the editor's Import from File with its credentials
//   selected;
// - one screenshot per form goes to .n8n-e2e/n8n-2/editor/ (git-ignored).
//
//   npm run test:editor                  this file alone (builds first)
//   UPDATE_EDITOR_FIELDS=1               rewrite test/e2e/editor/fields.json from what the editor
//     (npm run test:editor:update)       shows; review `git diff test/e2e/editor` by eye before
//                                        committing it (after any change to the node's forms)
//   ZENVIA_README_SCREENSHOTS=1          also retake the README's pictures in docs/images/
//     (npm run screenshots)
//   CHROMIUM=/path                       another Chromium binary

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const e2e = require('../../scripts/e2e');
const browser = require('../../scripts/e2e/browser');
const { DEPARTMENTS, AGENTS } = require('../../emulator/catalog');
const { FORM_FIELDS } = require('../../emulator/account');
const c = require('./setup/constants');
const { runtime, userFolder, emulatorUrl, emulator } = require('./setup/context');

const FIXTURE = path.join(__dirname, 'editor', 'fields.json');
const ARTIFACTS = path.join(c.WORK_DIR, 'editor');
const IMAGES = path.join(e2e.REPO_DIR, 'docs', 'images');
const EXAMPLES_DIR = path.join(e2e.REPO_DIR, 'examples');
const UPDATE = process.env.UPDATE_EDITOR_FIELDS === '1';
const README_PICTURES = process.env.ZENVIA_README_SCREENSHOTS === '1';
const N8N_VERSION = '2.41.1';
const APP = 'Zenvia Chat';
const PACKAGE_NAME = e2e.PACKAGE.name;
const LOGIN = { email: 'owner@editor.test', password: 'EditorTest123' };
/** Both tokens, at the emulator: every list loads with it. The examples name this credential. */
const ACCOUNT_CREDENTIAL = 'Zenvia Chat account';
/** Survey viewport: tall enough for most forms to fit one screenshot. */
const SURVEY_VIEWPORT = { width: 1440, height: 1500 };
/** The README's pictures. */
const README_VIEWPORT = { width: 1280, height: 900 };

// ---- What the built package declares (dist of this checkout) ----

/** @returns {import('n8n-workflow').INodeTypeDescription} */
function builtDescription(/** @type {string} */ file, /** @type {string} */ className) {
	const module = require(path.join(e2e.REPO_DIR, 'dist', 'nodes', file));
	return new module[className]().description;
}

/**
 * Every resource and operation of the action node, with the names its pickers show.
 * @typedef {{ key: string, resource: string, resourceName: string, operation: string, operationName: string, action: string }} Operation
 * @param {import('n8n-workflow').INodeTypeDescription} description
 * @returns {Operation[]}
 */
function operationsOf(description) {
	const resource = description.properties.find((property) => property.name === 'resource');
	if (!resource?.options) throw new Error('The built node has no Resource field');
	return /** @type {import('n8n-workflow').INodePropertyOptions[]} */ (resource.options).flatMap((r) =>
		description.properties
			.filter((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(r.value))
			.flatMap((property) =>
				/** @type {import('n8n-workflow').INodePropertyOptions[]} */ (property.options ?? []).map((o) => ({
					key: `${r.value}:${o.value}`,
					resource: String(r.value),
					resourceName: r.name,
					operation: String(o.value),
					operationName: o.name,
					action: o.action ?? o.name,
				})),
			),
	);
}

/**
 * The fields of one operation that show a list a person opens: resource locators with a From
 * List mode, options loaded from a method, and resource mapper columns. Only top-level fields
 * shown for the operation with the other fields at their defaults.
 * @typedef {{ name: string, displayName: string, kind: 'locator' | 'options' | 'mapper', method: string }} ListField
 * @param {import('n8n-workflow').INodeTypeDescription} description
 * @param {Operation} op
 * @returns {ListField[]}
 */
function listFieldsOf(description, op) {
	const defaults = Object.fromEntries(description.properties.map((property) => [property.name, property.default]));
	const values = { ...defaults, resource: op.resource, operation: op.operation };
	const shown = (/** @type {import('n8n-workflow').INodeProperties} */ property) =>
		Object.entries(property.displayOptions?.show ?? {}).every(([name, allowed]) => Array.isArray(allowed) && allowed.includes(/** @type {any} */ (values)[name])) &&
		Object.entries(property.displayOptions?.hide ?? {}).every(([name, hidden]) => !Array.isArray(hidden) || !hidden.includes(/** @type {any} */ (values)[name]));
	/** @type {ListField[]} */
	const lists = [];
	for (const property of description.properties) {
		if (!property.displayOptions?.show?.operation || !shown(property)) continue;
		const listMode = property.type === 'resourceLocator' ? property.modes?.find((mode) => mode.type === 'list') : undefined;
		if (listMode) lists.push({ name: property.name, displayName: property.displayName, kind: 'locator', method: String(listMode.typeOptions?.searchListMethod) });
		else if (property.typeOptions?.loadOptionsMethod) lists.push({ name: property.name, displayName: property.displayName, kind: 'options', method: property.typeOptions.loadOptionsMethod });
		else if (property.typeOptions?.resourceMapper) lists.push({ name: property.name, displayName: property.displayName, kind: 'mapper', method: property.typeOptions.resourceMapper.resourceMapperMethod });
	}
	return lists;
}

const skipReason =
	e2e.n8nLine() !== '2'
		? `the editor test drives n8n ${N8N_VERSION}'s editor only (ZENVIA_N8N_LINE=${e2e.n8nLine()}: n8n 1.x's editor has other screens)`
		: runtime.version !== N8N_VERSION
			? `the editor test's selectors are n8n ${N8N_VERSION}'s; this n8n is ${runtime.version}`
			: undefined;
const chromium = skipReason ? undefined : browser.ensureChromium();
const reason = skipReason ?? (chromium && 'reason' in chromium ? chromium.reason : undefined);
// In CI the machine is root on Debian: a missing browser there is a failure, not a skip.
if (reason && !skipReason && process.env.CI) throw new Error(`The editor test cannot run in CI: ${reason}`);
if (reason) process.stdout.write(`      Editor test skipped: ${reason}\n`);
const describeInBrowser = reason ? describe.skip : describe;

const ACTION = reason ? undefined : builtDescription(path.join('ZenviaChat', 'ZenviaChat.node.js'), 'ZenviaChat');
const TRIGGER = reason ? undefined : builtDescription(path.join('ZenviaChatTrigger', 'ZenviaChatTrigger.node.js'), 'ZenviaChatTrigger');
const OPERATIONS = ACTION ? operationsOf(ACTION) : [];
const LISTS = ACTION ? OPERATIONS.map((op) => ({ op, lists: listFieldsOf(ACTION, op) })).filter(({ lists }) => lists.length > 0) : [];
const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json')).sort();

/**
 * What a person sees of one new node: the written list per operation.
 * @typedef {{ subtitle: string, fields: string[], notices: string[], issues: string[] }} Seen
 * @type {Record<string, Seen>}
 */
const written = fs.existsSync(FIXTURE) ? JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) : {};
/** @type {Record<string, Seen>} */
const observed = {};

// ---- Checks shared by the action and the trigger ----

/**
 * Anything on a panel about a secret kept in the workflow: a field labelled with "secret", or a
 * notice about a plain-text or deprecated one.
 * @param {{ fields: string[], notices: string[] }} panel
 */
function plainSecretMentions(panel) {
	return [
		...panel.fields.filter((field) => /secret|deprecated/i.test(field)).map((field) => `field "${field}"`),
		...panel.notices.filter((notice) => /plain[- ]?text|deprecated/i.test(notice)).map((notice) => `notice "${notice.slice(0, 160)}"`),
	];
}

/**
 * The issues of a new node beyond its credential's and the "required" ones of fields its panel
 * shows (a person fills those in anyway): n8n names a field by its label, a resource mapper's
 * column by its key.
 * @param {string[]} issues
 * @param {{ fields: string[], inputs: string[] }} panel
 */
function unexpectedIssues(issues, panel) {
	return issues.filter((issue) => {
		if (isCredentialIssue(issue)) return false;
		const field = /^Parameter "(.+)" is required\.?$/.exec(issue);
		if (field) return !panel.fields.includes(field[1]);
		const column = /^Field "(.+)" is required\.?$/.exec(issue);
		return !(column && panel.inputs.includes(column[1]));
	});
}

/**
 * Whether an issue is about the node's credential. Whether n8n picks a credential for a new node
 * by itself depends on the instance, so these are neither written down nor compared.
 * @param {string} issue
 */
function isCredentialIssue(issue) {
	return /credential/i.test(issue);
}

/** @param {string} name */
function fileSafe(name) {
	return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {import('playwright-core').Browser | undefined} */
let chrome;
/** @type {import('playwright-core').Page} */
let page;
/** Names of every credential of the instance, to tell a picked credential from an empty field. */
/** @type {string[]} */
let credentialNames = [];
/** The credentials the examples name, by name, with their type. */
/** @type {Map<string, string>} */
const exampleCredentials = new Map();

/**
 * Screenshot of the whole page into the run's output folder.
 * @param {string} name
 */
async function shot(name) {
	await page.screenshot({ path: path.join(ARTIFACTS, `${fileSafe(name)}.png`) });
}

/**
 * A test body that leaves a screenshot of the page behind when it fails (FAILED-<first arg>.png).
 * @template {unknown[]} A
 * @param {(...args: A) => Promise<void>} body
 * @returns {(...args: A) => Promise<void>}
 */
function withFailureShot(body) {
	return async (...args) => {
		try {
			await body(...args);
		} catch (error) {
			await shot(`FAILED-${String(args[0] ?? 'test')}`).catch(() => undefined);
			throw error;
		}
	};
}

describeInBrowser(`n8n ${N8N_VERSION}'s editor in Chromium`, () => {
	// A browser on a busy 2-core machine now and then misses a 20 s wait (a click that lands while
	// the canvas re-renders): each test starts from a new workflow, so it is tried again, and the
	// first failure is printed. A real defect fails all three tries.
	jest.retryTimes(2, { logErrorsBeforeRetry: true });
	beforeAll(async () => {
		const started = Date.now();
		fs.rmSync(ARTIFACTS, { recursive: true, force: true });
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		n8n = await e2e.startN8n(runtime, userFolder, { port: await e2e.freePort(), env: e2e.ownerEnv(runtime, LOGIN) });
		const session = await e2e.signIn(n8n.url, LOGIN);

		// The credentials the examples name (id null: the editor links them by name), at the emulator.
		for (const file of EXAMPLES) {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
			for (const node of workflow.nodes ?? []) {
				for (const [type, credential] of Object.entries(node.credentials ?? {})) {
					if (type.startsWith('zenviaChat')) exampleCredentials.set(/** @type {any} */ (credential).name, type);
				}
			}
		}
		const existing = /** @type {{ name: string }[]} */ (await e2e.restOk(session, 'GET', '/rest/credentials'));
		// The account credential last: the editor picks the newest credential for a new node.
		const names = [...exampleCredentials.keys()].sort((a, b) => Number(a === ACCOUNT_CREDENTIAL) - Number(b === ACCOUNT_CREDENTIAL));
		if (!names.includes(ACCOUNT_CREDENTIAL)) names.push(ACCOUNT_CREDENTIAL);
		for (const name of names) {
			if (existing.some((credential) => credential.name === name)) continue;
			const type = exampleCredentials.get(name) ?? 'zenviaChatApi';
			const { data } =
				type === 'zenviaChatWebhookApi'
					? e2e.webhookSecretCredential({ id: '', name, secret: c.WEBHOOK_SECRET })
					: e2e.zenviaCredential({ id: '', name, chatApiToken: c.CHAT_TOKEN, clientSdkToken: c.CLIENT_SDK_TOKEN, baseUrl: emulatorUrl });
			await e2e.restOk(session, 'POST', '/rest/credentials', { name, type, data });
		}
		credentialNames = /** @type {{ name: string }[]} */ (await e2e.restOk(session, 'GET', '/rest/credentials')).map((credential) => credential.name);

		if (!chromium || !('path' in chromium)) throw new Error('no Chromium');
		chrome = await browser.launchChromium(chromium.path);
		page = await chrome.newPage({ viewport: SURVEY_VIEWPORT });
		page.setDefaultTimeout(20_000);
		page.setDefaultNavigationTimeout(60_000);
		await browser.signInPage(page, n8n.url, LOGIN);
		process.stdout.write(`      n8n, credentials and a signed-in Chromium ready in ${e2e.seconds(Date.now() - started)}; screenshots in ${ARTIFACTS}\n`);
	}, 240_000);

	afterAll(async () => {
		await chrome?.close();
		await n8n?.stop();
		if (UPDATE && Object.keys(observed).length > 0) {
			const keys = ['trigger', ...OPERATIONS.map((op) => op.key)];
			const merged = Object.fromEntries(keys.filter((key) => observed[key] ?? written[key]).map((key) => [key, observed[key] ?? written[key]]));
			fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
			fs.writeFileSync(FIXTURE, `${JSON.stringify(merged, null, '\t')}\n`);
			process.stdout.write(`      Wrote ${path.relative(e2e.REPO_DIR, FIXTURE)}: review it with git diff before committing\n`);
		}
	});

	/**
	 * Compares what a new node shows with the written list, or records it (UPDATE_EDITOR_FIELDS=1).
	 * @param {string} key
	 * @param {Seen} seen
	 */
	function expectWritten(key, seen) {
		observed[key] = seen;
		if (UPDATE) return;
		if (!written[key]) throw new Error(`${path.relative(e2e.REPO_DIR, FIXTURE)} has no entry "${key}": run with UPDATE_EDITOR_FIELDS=1, review and commit it`);
		expect(seen).toEqual(written[key]);
	}

	describe('a new Zenvia Chat node, for every resource and operation', () => {
		it('the list of operations comes from the built node', () => {
			expect(OPERATIONS.length).toBeGreaterThan(0);
			// Every written entry is an operation the node still has.
			if (!UPDATE) expect(Object.keys(written).filter((key) => key !== 'trigger' && !OPERATIONS.some((op) => op.key === key))).toEqual([]);
		});

		it.each(OPERATIONS.map((op) => [`${op.resourceName} > ${op.operationName}`, op]))(
			'%s: the fields written for it, no plain-text secret, no issue but required fields, the subtitle',
			withFailureShot(async (_title, op) => {
				await browser.newWorkflow(page);
				await browser.addAction(page, { appName: APP, groupTitle: `${op.resourceName} Actions`, action: op.action });
				// n8n picks the newest credential for a new node, mostly: where it did not, pick one,
				// so that what depends on it (a resource mapper's columns) shows the same every run.
				await browser.pickCredential(page, ACCOUNT_CREDENTIAL, credentialNames, { onlyIfNone: true });
				if (ACTION && listFieldsOf(ACTION, op).some((list) => list.kind === 'mapper')) {
					await page.locator(`${browser.NDV} [data-test-id="input-label"]`, { hasText: FORM_FIELDS[0].label }).first().waitFor();
				}
				const panel = await browser.readPanel(page);
				await shot(`action-${op.resource}-${op.operation}`);
				await browser.closePanel(page);
				const canvas = await browser.readCanvasNode(page, panel.title);

				expect(plainSecretMentions(panel)).toEqual([]);
				expect(unexpectedIssues(canvas.issues, panel)).toEqual([]);
				// The subtitle names the operation and the resource as their pickers do.
				expect(canvas.subtitle).toContain(op.operationName);
				expect(canvas.subtitle).toContain(op.resourceName);
				expectWritten(op.key, { subtitle: canvas.subtitle, fields: panel.fields, notices: panel.notices, issues: canvas.issues.filter((issue) => !isCredentialIssue(issue)) });
			}),
		);
	});

	describe('a new Zenvia Chat Trigger', () => {
		it('shows no plain-text secret, and its subtitle names the picked events as the picker does', withFailureShot(async () => {
			if (!TRIGGER) throw new Error('no trigger description');
			const events = TRIGGER.properties.find((property) => property.name === 'events');
			const eventNames = /** @type {import('n8n-workflow').INodePropertyOptions[]} */ (events?.options ?? []).map((option) => option.name);

			await browser.newWorkflow(page);
			// The creator lists one entry per event ("On agent message" sets Events to Agent Message).
			await browser.addTrigger(page, { appName: APP, entry: 'On agent message' });
			const panel = await browser.readPanel(page);
			await shot('trigger-new');
			expect(plainSecretMentions(panel)).toEqual([]);

			// The Events picker: its names, then a second event picked in it.
			const picker = page.locator(`${browser.NDV} [data-test-id="parameter-input-events"]`);
			await picker.click();
			const option = page.locator('.el-select-dropdown__item:visible .option-headline');
			await option.first().waitFor();
			const pickerNames = await option.allInnerTexts();
			expect(pickerNames).toEqual(eventNames);
			await page.locator('.el-select-dropdown__item:visible', { has: page.locator('.option-headline', { hasText: /^Bot: Customer Message$/ }) }).click();
			await page.keyboard.press('Escape');
			const picked = await picker.locator('.el-tag').allInnerTexts();
			expect(picked.map((name) => name.trim())).toEqual(['Agent Message', 'Bot: Customer Message']);
			await shot('trigger-two-events');
			await browser.closePanel(page);

			const canvas = await browser.readCanvasNode(page, panel.title);
			expect(canvas.subtitle).toBe('Agent Message, Bot: Customer Message');
			expect(unexpectedIssues(canvas.issues, panel)).toEqual([]);
			expectWritten('trigger', { subtitle: canvas.subtitle, fields: panel.fields, notices: panel.notices, issues: canvas.issues.filter((issue) => !isCredentialIssue(issue)) });
		}));
	});

	describe('lists load from the emulator', () => {
		const activeDepartments = DEPARTMENTS.filter((department) => department.active).map((department) => department.name);
		/** What the emulator serves for each list method this package has; any other must show one entry at least. */
		/** @type {Record<string, string[]>} */
		const served = {
			searchChatDepartments: activeDepartments,
			searchClientSdkDepartments: activeDepartments,
			searchAgents: AGENTS.map((agent) => agent.name),
			// Not the emulator's: n8n's own time zone list, underscores shown as spaces.
			getTimezones: ['UTC', 'America/Sao Paulo'],
			getCustomerColumns: FORM_FIELDS.map((field) => field.label),
		};

		it('every operation with a list has one in its form', () => {
			expect(LISTS.length).toBeGreaterThan(0);
		});

		it.each(LISTS.map(({ op, lists }) => [`${op.resourceName} > ${op.operationName}: ${lists.map((list) => list.displayName).join(', ')}`, op, lists]))(
			'%s',
			withFailureShot(async (_title, op, lists) => {
				await browser.newWorkflow(page);
				await browser.addAction(page, { appName: APP, groupTitle: `${op.resourceName} Actions`, action: op.action });
				await browser.pickCredential(page, ACCOUNT_CREDENTIAL, credentialNames);
				for (const list of lists) {
					const expected = served[list.method];
					/** @type {string[]} */
					let entries;
					if (list.kind === 'locator') {
						await page.locator(`${browser.NDV} [data-test-id="resource-locator-${list.name}"] [data-test-id="rlc-input"]`).click();
						const items = page.locator('[data-test-id="rlc-item"]:visible');
						await items.first().waitFor();
						entries = await items.allInnerTexts();
					} else if (list.kind === 'options') {
						await page.locator(`${browser.NDV} [data-test-id="parameter-input-${list.name}"]`).click();
						const items = page.locator('.el-select-dropdown__item:visible');
						await items.first().waitFor();
						entries = await items.allInnerTexts();
					} else {
						// The mapper loads its columns by itself once a credential is picked.
						const first = expected?.[0];
						if (first) await page.locator(`${browser.NDV} [data-test-id="input-label"]`, { hasText: first }).first().waitFor();
						entries = (await browser.readPanel(page)).fields;
					}
					await shot(`list-${op.resource}-${op.operation}-${list.name}`);
					await page.keyboard.press('Escape');
					expect(entries.length).toBeGreaterThan(0);
					if (expected) {
						// One entry the emulator serves, at least (for the mapper: every column).
						const found = expected.filter((name) => entries.some((entry) => entry.includes(name)));
						if (list.kind === 'mapper') expect(found).toEqual(expected);
						else expect(found.length).toBeGreaterThan(0);
					}
				}
			}),
		);
	});

	describe('examples import with their credentials selected', () => {
		it.each(EXAMPLES)('%s', withFailureShot(async (file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
			/** @type {{ name: string, type: string, credentials?: Record<string, { name: string }> }[]} */
			const nodes = workflow.nodes;
			await browser.newWorkflow(page);
			// The file input behind the workflow menu's "Import from File...".
			await page.locator('[data-test-id="workflow-import-input"]').setInputFiles(path.join(EXAMPLES_DIR, file));
			// Every node but the sticky notes is a canvas node of its name.
			const names = nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name);
			await page.waitForFunction(
				(expected) => expected.every((name) => [...document.querySelectorAll('[data-test-id="canvas-node"]')].some((node) => node.getAttribute('data-node-name') === name)),
				names,
			);
			await browser.dismissToasts(page);
			await shot(`example-${path.basename(file, '.json')}`);

			/** @type {Record<string, string>} */
			const shown = {};
			/** @type {Record<string, string>} */
			const named = {};
			for (const node of nodes.filter((candidate) => candidate.type.startsWith(`${PACKAGE_NAME}.`))) {
				await browser.openNode(page, node.name);
				shown[node.name] = await browser.shownCredential(page, credentialNames);
				await browser.closePanel(page);
				const credential = Object.values(node.credentials ?? {})[0];
				named[node.name] = credential ? credential.name : shown[node.name] || '(a credential)';
			}
			// The credential the example names, or (none named) the one the editor picked: never empty.
			expect(shown).toEqual(named);
			expect(Object.values(shown).filter((name) => !name)).toEqual([]);
		}));
	});

	(README_PICTURES ? describe : describe.skip)('the README pictures (ZENVIA_README_SCREENSHOTS=1)', () => {
		beforeAll(async () => {
			await page.setViewportSize(README_VIEWPORT);
			fs.mkdirSync(IMAGES, { recursive: true });
		});

		it('docs/images/node-search-omnize.png: the node panel finds the nodes by the former name', async () => {
			await browser.newWorkflow(page);
			await browser.searchNodes(page, 'Omnize');
			await page.locator(`${browser.CREATOR} [data-test-id="node-creator-item-name"]`, { hasText: /^Zenvia Chat$/ }).first().waitFor();
			await page.screenshot({ path: path.join(IMAGES, 'node-search-omnize.png') });
			await page.keyboard.press('Escape');
		});

		it('docs/images/trigger-webhook-urls.png: a trigger with its URLs', async () => {
			await browser.newWorkflow(page);
			await browser.addTrigger(page, { appName: APP, entry: 'On finished' });
			await page.locator(browser.NDV).getByText('Webhook URLs', { exact: true }).click();
			await page.locator(browser.NDV).getByText('Production URL', { exact: true }).click();
			await page.locator(browser.NDV).getByText('/webhook/', { exact: false }).first().waitFor();
			await page.screenshot({ path: path.join(IMAGES, 'trigger-webhook-urls.png') });
			await browser.closePanel(page);
		});

		it('docs/images/report-simplify.png: a Report with Simplify on', async () => {
			await browser.newWorkflow(page);
			await browser.addAction(page, { appName: APP, groupTitle: 'Report Actions', action: 'Get the service history' });
			await browser.pickCredential(page, ACCOUNT_CREDENTIAL, credentialNames, { onlyIfNone: true });
			const simplify = page.locator(`${browser.NDV} [data-test-id="parameter-input-simplify"] .el-switch`);
			if (!(await simplify.evaluate((element) => element.classList.contains('is-checked')))) await simplify.click();
			await page.waitForFunction((ndv) => document.querySelector(`${ndv} [data-test-id="parameter-input-simplify"] .el-switch`)?.classList.contains('is-checked'), browser.NDV);
			await page.locator(`${browser.NDV} [data-test-id="parameter-input-simplify"]`).scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(IMAGES, 'report-simplify.png') });
			await browser.closePanel(page);
		});

		it('docs/images/waiting-execution.png: the decision-tree bot waiting for the customer\'s reply', async () => {
			if (!n8n) throw new Error('n8n did not start');
			const session = await e2e.signIn(n8n.url, LOGIN);
			const saved = /** @type {{ id: string, name: string }[]} */ (await e2e.restOk(session, 'GET', '/rest/credentials'));
			const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'bot-decision-tree.json'), 'utf8'));
			// Its own Production URL, whatever else this n8n has published.
			const webhookId = crypto.randomUUID();
			for (const node of example.nodes) {
				if (node.type === `${PACKAGE_NAME}.zenviaChatTrigger`) node.webhookId = webhookId;
				for (const credential of Object.values(node.credentials ?? {})) credential.id = saved.find((entry) => entry.name === credential.name)?.id;
			}
			const created = await e2e.restOk(session, 'POST', '/rest/workflows', { name: 'Bot: decision tree', nodes: example.nodes, connections: example.connections, settings: example.settings ?? {} });
			await e2e.restOk(session, 'POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
			await e2e.waitForWebhook(`${n8n.url}/webhook/${webhookId}/zenvia-chat`);
			// A customer opens a conversation: the bot greets, asks for a name and waits.
			await emulator.bot('newInteraction', { target: `${n8n.url}/webhook/${webhookId}/zenvia-chat`, departmentId: 3 });
			const filter = encodeURIComponent(JSON.stringify({ workflowId: created.id, status: ['waiting'] }));
			let waiting = '';
			await e2e.waitFor('the bot\'s execution to wait', async () => {
				const found = await e2e.restOk(session, 'GET', `/rest/executions?filter=${filter}`);
				waiting = String(found?.results?.[0]?.id ?? '');
				return waiting !== '';
			}, { timeoutMs: 60_000 });
			await page.setViewportSize(README_VIEWPORT);
			await page.goto(`${n8n.url}/workflow/${created.id}/executions/${waiting}`);
			// n8n shows a published workflow's "Production Checklist" once, over the executions list:
			// closed with the cross at the right of its title.
			const checklist = page.getByText('Production Checklist', { exact: true });
			if (await checklist.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
				const cross = await checklist.evaluate((title) => {
					const row = title.getBoundingClientRect();
					let best;
					for (let box = title.parentElement, depth = 0; box && depth < 5 && !best; box = box.parentElement, depth++) {
						for (const element of box.querySelectorAll('button, [role="button"], svg')) {
							const rect = element.getBoundingClientRect();
							const sameRow = Math.abs(rect.top + rect.height / 2 - (row.top + row.height / 2)) < row.height;
							if (sameRow && rect.left > row.right && (!best || rect.left > best.x)) best = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
						}
					}
					return best;
				});
				if (cross) await page.mouse.click(cross.x, cross.y);
				await checklist.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
			}
			await page.getByText('Waiting', { exact: false }).first().waitFor();
			// The canvas draws after the list: give it its frame.
			await page.waitForTimeout(1500);
			await page.screenshot({ path: path.join(IMAGES, 'waiting-execution.png') });
			await e2e.restOk(session, 'POST', `/rest/workflows/${created.id}/deactivate`, {});
		});

		it('docs/images/credential-dialog.png: the credential, after a successful Test', async () => {
			if (!n8n) throw new Error('n8n did not start');
			// Tall enough for the whole dialog, the base URLs included.
			await page.setViewportSize({ width: README_VIEWPORT.width, height: 1400 });
			await page.goto(`${n8n.url}/home/credentials`);
			await page.getByText(ACCOUNT_CREDENTIAL, { exact: true }).first().click();
			const dialog = page.getByRole('dialog');
			await dialog.getByText('Chat API Token').first().waitFor();
			await dialog.getByText('Connection tested successfully').waitFor({ timeout: 30_000 });
			await dialog.screenshot({ path: path.join(IMAGES, 'credential-dialog.png') });
			await page.keyboard.press('Escape');
		});
	});
});
