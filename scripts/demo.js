#!/usr/bin/env node
// @ts-check
'use strict';

// npm run demo: this package inside a local n8n, ready to try without a Zenvia account.
//
// Builds the package, installs the pinned n8n once (cached), starts the Zenvia Chat emulator,
// prepares a kept n8n user folder (userFolderFor('demo'), outside the checkout) with the package installed as a community package,
// the credentials and the workflows of examples/, runs one example headlessly, then serves the
// editor on http://localhost:5678 with a ready owner account until Ctrl-C.
//
//   --check (or DEMO_EXIT_AFTER_READY=1)  also runs every other example that only talks to the
//                                         emulator, verifies the editor, the login, the Department
//                                         list and the credentials' Test button, then exits 0
//   ZENVIA_CHAT_TOKEN=...                 the credential's Chat API token is Zenvia's, and the Chat API
//                                         calls go to Zenvia instead
//   ZENVIA_CLIENTSDK_TOKEN=...            the same for the ClientSDK token and WhatsApp API v1
//   N8N_PORT=5680                         another editor port (default 5678)
//   DEMO_USER_FOLDER=/path                another n8n user folder (default: userFolderFor('demo'), outside the checkout)

const fs = require('fs');
const net = require('net');
const path = require('path');
const { startEmulator } = require('../emulator');
const e2e = require('./e2e');

const EXAMPLES_DIR = path.join(e2e.REPO_DIR, 'examples');
const USER_FOLDER = path.resolve(process.env.DEMO_USER_FOLDER || e2e.userFolderFor('demo'));
const EDITOR_PORT = Number(process.env.N8N_PORT || 5678);
const PREFERRED_EMULATOR_PORT = 4010;
const BUILD_TIMEOUT_MS = 5 * 60_000;
const HTTP_TIMEOUT_MS = 15_000;
const NOTE_TIMEOUT_MS = 30_000;

/** The editor only listens on 127.0.0.1, so a fixed password exposes nothing beyond this machine. */
const LOGIN = { email: 'demo@example.com', password: 'ZenviaDemo123' };

/** The examples name their credential; the demo creates one credential with exactly this name. */
const CREDENTIAL = { id: 'demoAccount', name: 'Zenvia Chat account' };
/** Where each of the credential's tokens comes from when the demo talks to Zenvia itself. */
const TOKEN_ENV = { chatApi: 'ZENVIA_CHAT_TOKEN', clientSdk: 'ZENVIA_CLIENTSDK_TOKEN' };
const EMULATOR_TOKENS = { chatApi: 'demo-chat-api-token-0123456789', clientSdk: 'demo-clientsdk-token-0123456789' };
/** Typed over each token in --check to see the Test button fail. */
const WRONG_TOKEN = 'demo-wrong-token-0123456789';

const EXAMPLES = {
	crm: readExample('crm-start-interaction.json'),
	whatsapp: readExample('whatsapp-message-to-department.json'),
	finished: readExample('finished-write-note.json'),
	history: readExample('yesterday-history.json'),
	externalHistory: readExample('external-history-endpoint.json'),
};
const TRIGGER_PATH = `webhook/${webhookNode(EXAMPLES.finished).webhookId}/zenvia-chat`;
const EXTERNAL_HISTORY_PATH = `webhook/${webhookNode(EXAMPLES.externalHistory).parameters.path}`;

/** @param {string} file */
function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/** @param {{ nodes: { type: string, webhookId?: string, parameters: Record<string, any> }[] }} workflow */
function webhookNode(workflow) {
	const node = workflow.nodes.find((candidate) => candidate.webhookId);
	if (!node) throw new Error('The example has no webhook node');
	return node;
}

/** @param {string} line */
function log(line) {
	console.log(line);
}

/**
 * Runs one step, printing its title and how long it took.
 * @template T
 * @param {string} title
 * @param {() => Promise<T>} action
 * @returns {Promise<T>}
 */
async function step(title, action) {
	log(`\n> ${title}`);
	const started = Date.now();
	const result = await action();
	log(`  done in ${e2e.seconds(Date.now() - started)}`);
	return result;
}

async function build() {
	const result = await e2e.run('npm', ['run', 'build'], { cwd: e2e.REPO_DIR, timeoutMs: BUILD_TIMEOUT_MS });
	if (result.code !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/** @param {number} port */
function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
/**
 * A free editor port to suggest when the chosen one is taken. 5679 is never offered: it is where
 * n8n's task broker listens by default, so the n8n holding 5678 usually holds 5679 too.
 * @returns {Promise<number | undefined>}
 */
async function suggestEditorPort() {
	for (let port = 5680; port < 5780; port++) {
		if (await isPortFree(port)) return port;
	}
	return undefined;
}

/**
 * Each token, and the API that takes it, is Zenvia's when the token is in the environment, else
 * the emulator's.
 * @typedef {{ token: string, onZenvia: boolean }} DemoToken
 * @returns {{ chatApi: DemoToken, clientSdk: DemoToken }}
 */
function chooseCredentials() {
	/** @param {'chatApi' | 'clientSdk'} kind */
	const pick = (kind) => {
		const realToken = process.env[TOKEN_ENV[kind]]?.trim();
		return { token: realToken || EMULATOR_TOKENS[kind], onZenvia: Boolean(realToken) };
	};
	return { chatApi: pick('chatApi'), clientSdk: pick('clientSdk') };
}

/**
 * The demo's one credential: both tokens, each API's base URL on the emulator unless its token is
 * Zenvia's.
 * @param {ReturnType<typeof chooseCredentials>} tokens
 * @param {string | undefined} emulatorUrl
 */
function demoCredential(tokens, emulatorUrl) {
	const credential = e2e.zenviaCredential({
		...CREDENTIAL,
		chatApiToken: tokens.chatApi.token,
		clientSdkToken: tokens.clientSdk.token,
	});
	const onEmulator = (/** @type {boolean} */ onZenvia) => (onZenvia ? '' : emulatorUrl ?? '');
	credential.data.chatApiBaseUrl = onEmulator(tokens.chatApi.onZenvia);
	credential.data.botApiBaseUrl = onEmulator(tokens.clientSdk.onZenvia);
	credential.data.whatsappApiBaseUrl = onEmulator(tokens.clientSdk.onZenvia);
	// The base URLs count only while the credential's Custom Base URLs switch is on.
	credential.data.customBaseUrls = Boolean(emulatorUrl) && !(tokens.chatApi.onZenvia && tokens.clientSdk.onZenvia);
	return credential;
}

/** On 127.0.0.1:4010 when free, else on any free port; its data ends now, so "yesterday" has history. */
async function startDemoEmulator() {
	const options = { host: '127.0.0.1', token: EMULATOR_TOKENS.chatApi, clientSdkToken: EMULATOR_TOKENS.clientSdk, now: new Date().toISOString(), records: 1000, seed: 42 };
	const port = (await isPortFree(PREFERRED_EMULATOR_PORT)) ? PREFERRED_EMULATOR_PORT : 0;
	return await startEmulator({ ...options, port });
}

/**
 * A bcrypt hash of the demo password, made with the bcryptjs that n8n itself checks logins with.
 * @param {import('./e2e/n8n').N8nRuntime} runtime
 */
function passwordHash(runtime) {
	const bcrypt = require(path.join(runtime.dir, 'n8n', 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(LOGIN.password, 10);
}

/**
 * `n8n execute` of one example; fails loudly when n8n reports a failure.
 * @param {import('./e2e/n8n').N8nRuntime} runtime
 * @param {{ id: string, name: string }} example
 */
async function executeExample(runtime, example) {
	const execution = await e2e.executeWorkflow(runtime, USER_FOLDER, example.id);
	if (!execution.ok) throw new Error(`"${example.name}" failed in n8n (${e2e.describeFailure(execution)}). n8n printed:\n${execution.output}`);
	log(`  n8n execute --id=${example.id}: "${example.name}" succeeded in ${e2e.seconds(execution.ms)}`);
	return execution;
}

/**
 * @param {import('./e2e/n8n').Execution} execution
 * @param {string} nodeName
 */
function printOutput(execution, nodeName) {
	for (const item of e2e.nodeOutput(execution, nodeName)) log(`    ${nodeName} -> ${JSON.stringify(item)}`);
}

/**
 * @param {boolean} condition
 * @param {string} message
 */
function expect(condition, message) {
	if (!condition) throw new Error(`Check failed: ${message}`);
}

/** `yyyy-mm-dd` of yesterday on this machine, which is the workflows' timezone (GENERIC_TIMEZONE). */
function yesterday() {
	const date = new Date();
	date.setDate(date.getDate() - 1);
	const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * --check only: the examples the demo does not run otherwise, each against the emulator, with what
 * the emulator received compared to what the example asks for.
 * @param {import('./e2e/n8n').N8nRuntime} runtime
 * @param {Awaited<ReturnType<typeof startEmulator>>} emulator
 */
async function checkOtherExamples(runtime, emulator) {
	emulator.clearRequests();
	const whatsapp = await executeExample(runtime, EXAMPLES.whatsapp);
	printOutput(whatsapp, 'Send WhatsApp Message');
	const [sent] = emulator.requests();
	const body = /** @type {Record<string, any>} */ (sent?.body);
	expect(sent?.method === 'POST' && sent.path === '/api/v1/whatsapp', 'the WhatsApp example posts to /api/v1/whatsapp');
	expect(body.department_id === 2 && body.customer?.external_id === '5511991417777', 'it goes to department 2 for customer 5511991417777');

	emulator.clearRequests();
	const history = await executeExample(runtime, EXAMPLES.history);
	const rows = e2e.nodeOutput(history, "Get Yesterday's History");
	const [file] = e2e.nodeOutput(history, 'To CSV File');
	const day = yesterday();
	const queries = emulator.requests().map((request) => request.query);
	log(`    Get Yesterday's History -> ${rows.length} interactions of ${day}, ${queries.length} page(s) read`);
	expect(rows.length > 0, 'the emulator has history for yesterday');
	// Simplify is on by default: flat rows, one CSV column per field (no [object Object] cells).
	expect(
		rows.every((row) => 'departmentName' in row && !Object.values(row).some((value) => typeof value === 'object' && value !== null && !Array.isArray(value))),
		'the history rows are flat, with the department as departmentName',
	);
	expect(
		queries.every((query) => query.from === `${day}T00:00:00` && query.to === `${day}T23:59:59`),
		`every page asks for ${day} 00:00:00 to 23:59:59, got ${JSON.stringify(queries)}`,
	);
	expect(file !== undefined, 'To CSV File outputs one item');
}

/**
 * The trigger example live: the emulated agent finishes the interaction the headless run started,
 * the emulator posts "finished" to the published workflow, which writes the note back.
 * @param {Awaited<ReturnType<typeof startEmulator>>} emulator
 * @param {string} interactionHash
 */
async function showFinishedTrigger(emulator, interactionHash) {
	const { delivered } = await emulator.agent('finish', { interactionHash });
	log(`  the emulated agent finished ${interactionHash}; n8n answered ${delivered[0]?.status} ${JSON.stringify(delivered[0]?.body)}`);
	expect(delivered[0]?.status === 200, 'n8n accepts the finished event');
	await e2e.waitFor('the note written by the trigger example', async () => Boolean(emulator.state.interactions.get(interactionHash)?.note), {
		timeoutMs: NOTE_TIMEOUT_MS,
	});
	log(`  note on the interaction now: "${emulator.state.interactions.get(interactionHash)?.note}"`);
}

/** @param {string} url */
async function showExternalHistory(url) {
	const answer = await fetch(`${url}/${EXTERNAL_HISTORY_PATH}?crmId=CRM-1042`, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
	const text = await answer.text();
	log(`  GET /${EXTERNAL_HISTORY_PATH}?crmId=CRM-1042 -> ${answer.status} ${text}`);
	expect(answer.status === 200, 'the external-history endpoint answers 200');
	const { messages } = JSON.parse(text);
	expect(
		Array.isArray(messages) && messages.length > 0 && messages.every((m) => m.time && ['CLIENT', 'AGENT'].includes(m.direction) && m.content),
		'it answers {"messages": [{"time", "direction", "content"}]}',
	);
}

/**
 * The editor page loads, and the printed login opens a session.
 * @param {string} url
 */
async function verifyEditorAndLogin(url) {
	const page = await fetch(`${url}/signin`, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
	const html = await page.text();
	expect(page.status === 200 && html.includes('<title>n8n'), `the editor answers GET /signin (got ${page.status})`);
	log(`  GET /signin -> ${page.status} (the editor)`);

	const headers = { 'Content-Type': 'application/json', 'browser-id': 'zenvia-chat-demo' };
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: LOGIN.email, password: LOGIN.password }),
		signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
	});
	const cookie = login.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	expect(login.status === 200 && cookie !== undefined, `POST /rest/login with the demo login answers 200 with a session (got ${login.status})`);
	// The session works: the same endpoint read with the cookie names the logged-in user.
	const me = await fetch(`${url}/rest/login`, {
		headers: { ...headers, cookie: String(cookie).split(';')[0] },
		signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
	});
	const user = (await me.json()).data;
	expect(me.status === 200 && user?.email === LOGIN.email, `the session belongs to ${LOGIN.email}`);
	log(`  POST /rest/login as ${LOGIN.email} -> ${login.status}, session of ${user.email} (${user.role})`);
	return { url, headers: { ...headers, cookie: String(cookie).split(';')[0] } };
}

/** @typedef {Awaited<ReturnType<typeof verifyEditorAndLogin>>} Session the logged-in editor */

/**
 * One call of the editor to n8n's REST API, as the logged-in user; answers n8n's `data`.
 * @param {Session} session
 * @param {'GET' | 'POST'} method
 * @param {string} route
 * @param {unknown} [body]
 */
async function editorCall(session, method, route, body) {
	const answer = await fetch(`${session.url}${route}`, {
		method,
		headers: session.headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
	});
	const text = await answer.text();
	expect(answer.status === 200, `${method} ${route} answers 200 (got ${answer.status} ${text})`);
	return JSON.parse(text).data;
}

/**
 * A request in the emulator's log, its token already shown as [redacted].
 * @param {{ method: string, path: string, query: Record<string, string> }} request
 */
function formatRequest({ method, path, query }) {
	const pairs = Object.entries(query).map(([name, value]) => `${name}=${value}`);
	return `${method} ${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/**
 * The demo's credential as n8n stored it (the editor names it by its n8n id).
 * @param {Session} session
 * @returns {Promise<{ id: string, name: string }>}
 */
async function storedCredential(session) {
	/** @type {{ id: string, name: string }[]} */
	const all = await editorCall(session, 'GET', '/rest/credentials');
	const credential = all.find(({ name }) => name === CREDENTIAL.name);
	expect(credential !== undefined, `GET /rest/credentials lists "${CREDENTIAL.name}"`);
	return /** @type {{ id: string, name: string }} */ (credential);
}

/** Each example node with a Department list, the list method it uses and the read that serves it. */
const DEPARTMENT_LISTS = [
	{ label: 'Interaction > Start', example: 'crm', node: 'Start Interaction', method: 'searchChatDepartments', read: 'GET /api/external/departments?token=[redacted]' },
	{ label: 'WhatsApp > Send Message', example: 'whatsapp', node: 'Send WhatsApp Message', method: 'searchClientSdkDepartments', read: 'GET /api/v1/departments?token=[redacted]' },
];

/**
 * What the editor asks when the user opens the Department list of each example's node, then types
 * in its search box: each list reads its own API with the token that API takes.
 * @param {Session} session
 * @param {import('../emulator').Emulator} emulator
 * @param {{ id: string, name: string }} credential
 */
async function checkDepartmentList(session, emulator, credential) {
	for (const { label, example, node: nodeName, method, read } of DEPARTMENT_LISTS) {
		const node = EXAMPLES[/** @type {keyof typeof EXAMPLES} */ (example)].nodes.find(
			(/** @type {{ name: string }} */ candidate) => candidate.name === nodeName,
		);
		/** @param {string} [filter] */
		const list = async (filter) => {
			/** @type {{ results: { name: string, value: string }[] }} */
			const answer = await editorCall(session, 'POST', '/rest/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
				path: 'parameters.departmentId',
				methodName: method,
				currentNodeParameters: node.parameters,
				credentials: { zenviaChatApi: { id: credential.id, name: credential.name } },
				filter,
			});
			return answer.results.map(({ name }) => name).join(', ');
		};
		emulator.clearRequests();
		const all = await list();
		log(`  ${label} Department list -> ${all}`);
		const filtered = await list('sal');
		log(`  ${label} Department list filtered "sal" -> ${filtered}`);
		const received = emulator.requests().map(formatRequest);
		log(`  the emulator received: ${received.join(', ')}`);
		expect(all === 'Support (1), Sales (2), Billing (3)', `the ${label} list shows the active departments only`);
		expect(filtered === 'Sales (2)', `the ${label} filter keeps Sales only`);
		expect(received.length === 2 && received.every((request) => request === read), `each ${label} list call reads ${read} once`);
	}
}

/**
 * What the credential's Test button sends: the credential as the editor shows it (n8n redacts the
 * token and restores it on test), with the user's unsaved edits over it.
 * @param {Session} session
 * @param {{ id: string }} credential
 * @param {Record<string, string>} [edits]
 * @returns {Promise<{ status: string, message: string }>}
 */
async function testCredential(session, credential, edits = {}) {
	const shown = await editorCall(session, 'GET', `/rest/credentials/${credential.id}?includeData=true`);
	return await editorCall(session, 'POST', '/rest/credentials/test', {
		credentials: { id: shown.id, name: shown.name, type: shown.type, data: { ...shown.data, ...edits } },
	});
}

/**
 * The Test button of the credential as saved, then with a wrong token typed over each token in turn,
 * then with the two tokens swapped.
 * @param {Session} session
 * @param {import('../emulator').Emulator} emulator
 * @param {{ id: string, name: string }} credential
 */
async function checkCredentialTests(session, emulator, credential) {
	/** @param {string} label @param {Record<string, string>} edits */
	const test = async (label, edits) => {
		emulator.clearRequests();
		const result = await testCredential(session, credential, edits);
		const received = emulator.requests().map(formatRequest).sort();
		log(`  Test "${credential.name}"${label} -> ${result.status}: ${result.message} (the emulator received ${received.join(', ')})`);
		return { result, received };
	};
	const bothReads = ['GET /api/external/departments?token=[redacted]', 'GET /api/v1/departments?token=[redacted]'];
	const saved = await test('', {});
	expect(saved.result.status === 'OK', 'the test of the saved credential succeeds');
	expect(JSON.stringify(saved.received) === JSON.stringify(bothReads), 'the test checks each token with a read that takes it');
	for (const [field, label, read, otherRead] of [
		['chatApiToken', 'Chat API Token', bothReads[0], bothReads[1]],
		['clientSdkToken', 'ClientSDK Token', bothReads[1], bothReads[0]],
	]) {
		const wrong = await test(` with a wrong ${label}`, { [field]: WRONG_TOKEN });
		expect(wrong.result.status === 'Error', `the test with a wrong ${label} fails`);
		expect(wrong.result.message.startsWith(`${label} refused (HTTP 401: Invalid token)`), `the test names the ${label} and why`);
		expect(!wrong.result.message.includes(WRONG_TOKEN), 'the test never shows the token');
		// The emulator refusing a token it accepted a moment ago means the typed token was sent; a
		// refused token is tried on the other API too, in case it was pasted into the wrong field.
		const reads = [read, otherRead, otherRead].sort();
		expect(JSON.stringify(wrong.received) === JSON.stringify(reads), 'the emulator itself refused the wrong token, on both APIs');
	}
	const swapped = await test(' with the tokens swapped', { chatApiToken: EMULATOR_TOKENS.clientSdk, clientSdkToken: EMULATOR_TOKENS.chatApi });
	expect(swapped.result.status === 'Error', 'the test with the tokens swapped fails');
	expect(swapped.result.message.startsWith('These look swapped'), 'the test says the tokens look swapped, and which field each belongs in');
}

/** Resolves on the first Ctrl-C (or SIGTERM); a second one exits at once, killing n8n outright. */
function untilStopped() {
	return new Promise((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			process.once('SIGINT', () => process.exit(130));
			process.once('SIGTERM', () => process.exit(143));
			resolve(undefined);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}

async function main() {
	const check = process.argv.includes('--check') || process.env.DEMO_EXIT_AFTER_READY === '1';
	const started = Date.now();
	const credentials = chooseCredentials();
	// "Yesterday" and "today" in the examples are this machine's, not n8n's default New York.
	process.env.GENERIC_TIMEZONE ??= Intl.DateTimeFormat().resolvedOptions().timeZone;

	log(`Zenvia Chat demo${check ? ' (--check)' : ''}: n8n user folder ${USER_FOLDER}`);
	for (const [kind, label] of [['chatApi', 'Chat API token'], ['clientSdk', 'ClientSDK token']]) {
		const { onZenvia } = credentials[/** @type {'chatApi' | 'clientSdk'} */ (kind)];
		log(`  credential "${CREDENTIAL.name}", ${label}: ${onZenvia ? 'Zenvia (token from the environment)' : 'the local emulator'}`);
	}
	if (!(await isPortFree(EDITOR_PORT))) {
		const free = await suggestEditorPort();
		const another = free ? `pick a free one: N8N_PORT=${free} npm run demo` : 'pick a free port with N8N_PORT';
		throw new Error(`Port ${EDITOR_PORT} is taken on 127.0.0.1 (another n8n?). Stop it, or ${another}`);
	}

	await step('Building the package (npm run build)', build);
	const runtime = await step('Getting n8n (the first run installs it: a few minutes)', () => e2e.ensureN8n({ log: (line) => log(`  ${line}`) }));

	const useEmulator = !credentials.chatApi.onZenvia || !credentials.clientSdk.onZenvia;
	const emulator = useEmulator
		? await step('Starting the Zenvia Chat emulator', async () => {
				const started = await startDemoEmulator();
				log(`  listening at ${started.url}`);
				return started;
			})
		: undefined;

	/** @type {import('./e2e/n8n').N8nServer | undefined} */
	let n8n;
	const stopAll = async () => {
		await n8n?.stop();
		await emulator?.close();
	};
	try {
		await step(`Preparing ${path.relative(process.cwd(), USER_FOLDER) || USER_FOLDER}: the package, the credential, the examples`, () =>
			e2e.prepareN8n({
				folder: USER_FOLDER,
				keepData: true,
				workflowsDir: EXAMPLES_DIR,
				credentials: [demoCredential(credentials, emulator?.url)],
				log: (line) => log(`  ${line}`),
			}),
		);

		/** @type {string | undefined} the interaction the headless run started, for the trigger example */
		let interactionHash;
		if (!credentials.chatApi.onZenvia && emulator) {
			await step(`Running "${EXAMPLES.crm.name}" headlessly`, async () => {
				const execution = await executeExample(runtime, EXAMPLES.crm);
				printOutput(execution, 'Start Interaction');
				printOutput(execution, 'Send First Message');
				interactionHash = String(e2e.nodeOutput(execution, 'Start Interaction')[0]?.interactionHash);
			});
		} else {
			// A real account: only a read, nothing is written to Zenvia.
			await step(`Running "${EXAMPLES.history.name}" headlessly (read-only, on Zenvia)`, async () => {
				const execution = await executeExample(runtime, EXAMPLES.history);
				log(`    Get Yesterday's History -> ${e2e.nodeOutput(execution, "Get Yesterday's History").length} interactions of ${yesterday()}`);
			});
		}
		if (check && emulator && !credentials.chatApi.onZenvia && !credentials.clientSdk.onZenvia) {
			await step('Checking the other examples against the emulator', () => checkOtherExamples(runtime, emulator));
		}

		await step('Publishing the webhook examples (Zenvia Chat Trigger, external history)', async () => {
			await e2e.publishWorkflow(runtime, USER_FOLDER, EXAMPLES.finished.id);
			await e2e.publishWorkflow(runtime, USER_FOLDER, EXAMPLES.externalHistory.id);
		});

		const server = await step(`Starting n8n on port ${EDITOR_PORT} with the owner account`, () =>
			e2e.startN8n(runtime, USER_FOLDER, {
				port: EDITOR_PORT,
				env: {
					N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
					N8N_INSTANCE_OWNER_EMAIL: LOGIN.email,
					N8N_INSTANCE_OWNER_PASSWORD_HASH: passwordHash(runtime),
					N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
					N8N_INSTANCE_OWNER_LAST_NAME: 'User',
					// Plain http on localhost: a secure-only cookie would not stick in every browser.
					N8N_SECURE_COOKIE: 'false',
					N8N_EDITOR_BASE_URL: `http://localhost:${EDITOR_PORT}/`,
					WEBHOOK_URL: `http://localhost:${EDITOR_PORT}/`,
				},
			}),
		);
		n8n = server;
		// n8n turns published workflows on in the background, after it already answers as ready.
		await step('Waiting for the published webhooks', async () => {
			await e2e.waitForWebhook(`${server.url}/${TRIGGER_PATH}`);
			await e2e.waitForWebhook(`${server.url}/${EXTERNAL_HISTORY_PATH}`);
		});

		const session = await step('Checking the editor and the login', () => verifyEditorAndLogin(server.url));
		if (check && emulator && !credentials.chatApi.onZenvia && !credentials.clientSdk.onZenvia) {
			const stored = await storedCredential(session);
			await step('Checking the Department lists as the editor loads them', () => checkDepartmentList(session, emulator, stored));
			await step("Checking the credential's Test button", () => checkCredentialTests(session, emulator, stored));
		}
		if (emulator && interactionHash) {
			const hash = interactionHash;
			emulator.setWebhookTarget(`${server.url}/${TRIGGER_PATH}`);
			await step(`Running "${EXAMPLES.finished.name}" through the emulator's webhook`, () => showFinishedTrigger(emulator, hash));
		}
		await step(`Calling "${EXAMPLES.externalHistory.name}"`, () => showExternalHistory(server.url));

		const editorUrl = `http://localhost:${EDITOR_PORT}`;
		log(`\nReady in ${e2e.seconds(Date.now() - started)}.`);
		log(`  Editor:   ${editorUrl}`);
		log(`  Login:    ${LOGIN.email} / ${LOGIN.password}`);
		const triggerUse = credentials.chatApi.onZenvia
			? 'paste a public address of this n8n into Zenvia to receive real events'
			: 'the emulator posts agent events here';
		log(`  Trigger:  ${editorUrl}/${TRIGGER_PATH} (${triggerUse})`);
		log(`  History:  ${editorUrl}/${EXTERNAL_HISTORY_PATH}?crmId=CRM-1042`);
		if (emulator) {
			log(`  Emulator: ${emulator.url} (fire agent events: curl -X POST ${emulator.url}/__admin/agent/finish -H 'Content-Type: application/json' -d '{"interactionHash":"<hash>"}')`);
		}
		if (check) {
			log('\nCheck passed: stopping.');
		} else {
			log('\nPress Ctrl-C to stop n8n and the emulator.');
			await untilStopped();
			log('\nStopping n8n and the emulator...');
		}
	} finally {
		await stopAll();
	}
	log('Stopped.');
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		},
	);
}

// For test/e2e/demo.test.js, which runs this script as a user does and reads its output.
module.exports = { LOGIN, EMULATOR_TOKENS, WRONG_TOKEN };
