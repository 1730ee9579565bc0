// @ts-check
'use strict';

// `npm run demo -- --check` as a user runs it: build, n8n with the package, the emulator, every
// example run or called, the editor, the printed login, the Department list and the credentials'
// Test button checked by the demo itself. Its own emulator, user folder and a free editor port
// keep it apart from the rest of the suite.

const fs = require('fs');
const path = require('path');
const { freePort, run, userFolderFor, REPO_DIR } = require('../../scripts/e2e');
const { EMULATOR_TOKENS, LOGIN, WRONG_TOKEN } = require('../../scripts/demo');

const DEMO_FOLDER = userFolderFor('e2e-demo');
// Generous: on a machine shared with other builds the demo's n8n steps take several times longer.
const DEMO_TIMEOUT_MS = 10 * 60_000;

/** @type {import('../../scripts/e2e/processes').RunResult} */
let result;

beforeAll(async () => {
	fs.rmSync(DEMO_FOLDER, { recursive: true, force: true });
	const env = { ...process.env, N8N_PORT: String(await freePort()), DEMO_USER_FOLDER: DEMO_FOLDER };
	// Never Zenvia itself from a test, whatever the developer's shell holds.
	delete env.ZENVIA_CHAT_TOKEN;
	delete env.ZENVIA_CLIENTSDK_TOKEN;
	result = await run(process.execPath, [path.join(REPO_DIR, 'scripts', 'demo.js'), '--check'], {
		cwd: REPO_DIR,
		env,
		timeoutMs: DEMO_TIMEOUT_MS,
	});
	const seconds = (result.ms / 1000).toFixed(1);
	process.stdout.write(`      npm run demo -- --check: exit ${result.code} in ${seconds} s\n`);
}, DEMO_TIMEOUT_MS + 30_000);

describe('npm run demo -- --check', () => {
	it('exits 0 after every step passed', () => {
		expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('The demo failed') });
		expect(result.stdout).toContain('Check passed: stopping.');
		expect(result.stdout).toMatch(/\nStopped\.\n$/);
	});

	it('runs the CRM example headlessly and prints the interaction it started', () => {
		expect(result.stdout).toMatch(/Start Interaction -> \{"interactionHash":"[0-9a-f-]{36}","message":"Interaction created successfully"/);
		expect(result.stdout).toMatch(/Send First Message -> \{"interactionHash":"[0-9a-f-]{36}".*"message":"Message created successfully"/);
	});

	it('runs the WhatsApp and history examples against the emulator', () => {
		expect(result.stdout).toMatch(/Send WhatsApp Message -> \{"messageHash":"[0-9a-f-]{36}","externalId":"5511991417777"/);
		expect(result.stdout).toMatch(/Get Yesterday's History -> [1-9]\d* interactions of \d{4}-\d\d-\d\d/);
	});

	it('serves the editor and a login that works', () => {
		expect(result.stdout).toContain('GET /signin -> 200 (the editor)');
		expect(result.stdout).toContain(`POST /rest/login as ${LOGIN.email} -> 200, session of ${LOGIN.email} (global:owner)`);
		expect(result.stdout).toContain(`Login:    ${LOGIN.email} / ${LOGIN.password}`);
	});

	it('loads each Department list as the editor does, from its own API: active departments only, filtered as typed', () => {
		for (const label of ['Interaction > Start', 'WhatsApp > Send Message']) {
			expect(result.stdout).toContain(`${label} Department list -> Support (1), Sales (2), Billing (3)\n`);
			expect(result.stdout).toContain(`${label} Department list filtered "sal" -> Sales (2)\n`);
		}
		expect(result.stdout).toContain(
			'the emulator received: GET /api/external/departments?token=[redacted], GET /api/external/departments?token=[redacted]\n',
		);
		expect(result.stdout).toContain(
			'the emulator received: GET /api/v1/departments?token=[redacted], GET /api/v1/departments?token=[redacted]\n',
		);
	});

	it("checks each token with the credential's Test button, names the one that is wrong, and sees swapped tokens", () => {
		const chatRead = 'GET /api/external/departments?token=[redacted]';
		const sdkRead = 'GET /api/v1/departments?token=[redacted]';
		const reads = `(the emulator received ${chatRead}, ${sdkRead})`;
		expect(result.stdout).toContain(`Test "Zenvia Chat account" -> OK: Chat API Token and ClientSDK Token accepted ${reads}\n`);
		// A refused token is tried on the other API too, in case it was pasted into the wrong field.
		expect(result.stdout).toContain(
			`Test "Zenvia Chat account" with a wrong Chat API Token -> Error: Chat API Token refused (HTTP 401: Invalid token): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from Menu > Settings > Integrations > API. (the emulator received ${chatRead}, ${sdkRead}, ${sdkRead})\n`,
		);
		expect(result.stdout).toContain(
			`Test "Zenvia Chat account" with a wrong ClientSDK Token -> Error: ClientSDK Token refused (HTTP 401: Invalid token): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from Menu > Settings > Integrations > ClientSDK. (the emulator received ${chatRead}, ${chatRead}, ${sdkRead})\n`,
		);
		expect(result.stdout).toContain(
			`Test "Zenvia Chat account" with the tokens swapped -> Error: These look swapped: the Chat API Token field holds a ClientSDK token and the ClientSDK Token field holds a Chat API token`,
		);
	});

	it('has the published trigger example write the note back when the agent finishes', () => {
		expect(result.stdout).toMatch(/n8n answered 200 \{"message":"Workflow was started"\}/);
		expect(result.stdout).toMatch(/note on the interaction now: "Finished conversation filed in CRM record CRM-1042 on \d{4}-\d\d-\d\d \d\d:\d\d\."/);
	});

	it('answers the external history in the documented format', () => {
		expect(result.stdout).toMatch(
			/GET \/webhook\/zenvia-external-history\?crmId=CRM-1042 -> 200 \{"messages":\[\{"time":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d","direction":"CLIENT","content":"[^"]*CRM-1042[^"]*"\},\{"time":"[^"]+","direction":"AGENT"/,
		);
	});

	it('never prints a token', () => {
		for (const token of [...Object.values(EMULATOR_TOKENS), WRONG_TOKEN]) {
			expect(result.stdout).not.toContain(token);
			expect(result.stderr).not.toContain(token);
		}
	});
});

describe('npm run demo with its editor port taken', () => {
	it('stops before any work and suggests a port that is free, never the task broker port 5679', async () => {
		const net = require('net');
		const blocker = net.createServer();
		await new Promise((resolve) => blocker.listen(0, '127.0.0.1', () => resolve(undefined)));
		const taken = /** @type {import('net').AddressInfo} */ (blocker.address()).port;
		try {
			const env = { ...process.env, N8N_PORT: String(taken), DEMO_USER_FOLDER: userFolderFor('e2e-demo-port') };
			const failed = await run(process.execPath, [path.join(REPO_DIR, 'scripts', 'demo.js'), '--check'], { cwd: REPO_DIR, env, timeoutMs: 30_000 });
			expect(failed.code).toBe(1);
			const suggested = /N8N_PORT=(\d+) npm run demo/.exec(failed.stderr);
			expect(failed.stderr).toContain(`Port ${taken} is taken on 127.0.0.1`);
			expect(suggested).not.toBeNull();
			const port = Number(suggested?.[1]);
			expect(port).not.toBe(5679);
			// The suggestion is usable right now.
			const probe = net.createServer();
			await new Promise((resolve, reject) => {
				probe.once('error', reject);
				probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)));
			});
		} finally {
			blocker.close();
		}
	});
});
