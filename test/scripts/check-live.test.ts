import { join } from 'path';

import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN } from '../helpers/runNode';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkLive, settingsFrom } = require('../../scripts/check-live');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ENDPOINTS } = require('../../emulator/contract');

/** The node's TypeScript sources stand in for dist/: the same modules, without a build. */
const ROOT = join(__dirname, '..', '..');
const TITLES: string[] = Object.values(ENDPOINTS as Record<string, { title: string }>).map(({ title }) => title);

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ token: TEST_TOKEN, clientSdkToken: TEST_CLIENT_SDK_TOKEN, records: 200 });
});
beforeEach(() => emu.reset());
afterEach(() => {
	// Whatever a test did, the check only read.
	expect(emu.requests().filter(({ method }) => method !== 'GET')).toEqual([]);
});
afterAll(async () => await emu.close());

async function check(tokens: { chat?: string; clientSdk?: string } = {}, shapes = false) {
	const env = {
		ZENVIA_CHAT_TOKEN: tokens.chat ?? TEST_TOKEN,
		ZENVIA_CLIENTSDK_TOKEN: tokens.clientSdk ?? TEST_CLIENT_SDK_TOKEN,
		ZENVIA_CHAT_BASE_URL: emu.url,
		ZENVIA_WHATSAPP_BASE_URL: emu.url,
	};
	const { lines, clean } = (await checkLive({ env, root: ROOT, shapes })) as { lines: string[]; clean: boolean };
	return { lines, clean, text: lines.join('\n') };
}

/** The report's lines about one endpoint: its own line and the indented ones below it. */
function linesOf(lines: string[], title: string): string[] {
	const start = lines.findIndex((line) => line.startsWith(`${title}.`) || line.startsWith(`${title} `));
	if (start < 0) return [];
	const end = lines.findIndex((line, index) => index > start && !line.startsWith('    '));
	return lines.slice(start, end < 0 ? undefined : end);
}

/** The report's difference lines, whatever endpoint they belong to. */
const differenceLines = (lines: string[]) => lines.filter((line) => /^ {4}\S/.test(line) && !line.startsWith('    pages of'));

describe('npm run check:live against the emulator', () => {
	it('finds every endpoint fitting the contract, the second pages included, with GET requests only', async () => {
		const { lines, clean } = await check();
		expect(clean).toBe(true);
		for (const title of TITLES) expect(linesOf(lines, title)[0]).toMatch(/HTTP 200, .*; node read \d+ items?; fits the contract$/);
		expect(differenceLines(lines)).toEqual([]);
		expect(lines.filter((line) => line.startsWith('    pages of 5'))).toEqual([
			'    pages of 5: page 1 had 5 rows, page 2 had 5, none repeated',
			'    pages of 5: page 1 had 5 rows, page 2 had 5, none repeated',
		]);
		expect(lines[lines.length - 1]).toBe(`Result: all ${TITLES.length} endpoints checked fit the contract.`);
		const paths = emu.requests().map(({ path, query }) => `${path}${query.page ? ` page ${query.page}` : ''}`);
		expect(paths).toEqual([
			'/api/external/departments',
			'/api/ms/external/history page 1',
			'/api/ms/external/history page 2',
			'/api/ms/external/ongoing page 1',
			'/api/ms/external/ongoing page 2',
			expect.stringMatching(/^\/api\/ms\/external\/history\/\d+\/messages$/),
			'/api/ms/external/reports',
			'/api/v1/departments',
			'/api/external/form_fields',
			'/api/external/agents',
			'/core/api/v1/agents/online',
		]);
	});

	it('names a list that comes wrapped instead of bare, and nothing else', async () => {
		const departments = (await fetch(`${emu.url}/api/v1/departments?token=${TEST_CLIENT_SDK_TOKEN}`).then((answer) => answer.json())) as unknown[];
		emu.setFault({ path: '/api/v1/departments', method: 'GET', status: 200, body: { data: departments } });
		const { lines, clean } = await check();
		expect(clean).toBe(false);
		// The node reads either form; the emulator's picture (a bare list) was wrong.
		expect(linesOf(lines, 'WhatsApp API v1 departments')).toEqual([
			expect.stringMatching(/HTTP 200, object \{data: list of 4\}; node read 4 items; 1 difference$/),
			'    (the answer): expected list, got object',
		]);
		expect(differenceLines(lines)).toEqual(['    (the answer): expected list, got object']);
		expect(lines[lines.length - 1]).toBe(`Result: 1 difference in 1 of ${TITLES.length} endpoints checked.`);
	});

	it('names a number that comes as a string, where it is, in how many rows', async () => {
		const agents = (await fetch(`${emu.url}/api/external/agents?token=${TEST_CLIENT_SDK_TOKEN}`).then((answer) => answer.json())) as Array<{ id: unknown }>;
		agents[0].id = String(agents[0].id);
		agents[2].id = String(agents[2].id);
		emu.setFault({ path: '/api/external/agents', method: 'GET', status: 200, body: agents });
		const { lines } = await check();
		expect(linesOf(lines, 'Agents list')).toEqual([
			expect.stringMatching(/HTTP 200, list of 6; node read 6 items; 1 difference$/),
			'    [].id: expected number, got string (digits) (2 places)',
		]);
		expect(differenceLines(lines)).toHaveLength(1);
	});

	it('names a page 2 that repeats page 1 (the page parameter ignored)', async () => {
		const page1 = await fetch(`${emu.url}/api/ms/external/ongoing?token=${TEST_TOKEN}&page=1&limit=5`).then((answer) => answer.json());
		emu.setFault({ path: '/api/ms/external/ongoing', method: 'GET', status: 200, body: page1, skip: 1, times: 1 });
		const { lines } = await check();
		expect(linesOf(lines, 'Reports: ongoing').slice(1)).toEqual([
			'    pages of 5: page 1 had 5 rows, page 2 had 5, 5 repeated',
			"    (page 2): expected rows not on page 1, got 5 of page 1's rows again",
		]);
	});

	it('says which token was refused, in one line, and tries nothing else with it', async () => {
		const { lines, clean, text } = await check({ chat: 'wrong-chat-token-0000' });
		expect(clean).toBe(false);
		expect(lines.filter((line) => /^(Chat API|ClientSDK) token/.test(line))).toEqual([
			'Chat API token: REFUSED by Chat API departments (HTTP 401); nothing else was tried with it.',
		]);
		expect(emu.requests().filter(({ path }) => path.startsWith('/api/ms/') || path === '/api/external/departments')).toHaveLength(1);
		for (const title of ['Reports: history', 'Reports: ongoing', 'Reports: digital channels']) expect(linesOf(lines, title)).toEqual([]);
		expect(linesOf(lines, 'Agents list')[0]).toMatch(/fits the contract$/);
		expect(text).not.toContain('wrong-chat-token');

		emu.clearRequests();
		const both = await check({ chat: 'wrong-chat-token-0000', clientSdk: 'wrong-sdk-token-1111' });
		expect(both.lines.filter((line) => /^(Chat API|ClientSDK) token/.test(line))).toEqual([
			'Chat API token: REFUSED by Chat API departments (HTTP 401); nothing else was tried with it.',
			'ClientSDK token: REFUSED by WhatsApp API v1 departments (HTTP 401); nothing else was tried with it.',
		]);
		expect(emu.requests().map(({ path }) => path)).toEqual(['/api/external/departments', '/api/v1/departments']);
	});

	it('says which host could not be reached, and tries nothing else there', async () => {
		emu.setFault({ path: '/api/v1/departments', method: 'GET', drop: true });
		const { lines, clean } = await check();
		expect(clean).toBe(false);
		expect(lines).toContain(
			'WhatsApp API v1 host (ZENVIA_WHATSAPP_BASE_URL, ZENVIA_ENVIRONMENT): UNREACHABLE from WhatsApp API v1 departments (network error ECONNRESET); nothing else was tried there.',
		);
		expect(linesOf(lines, 'WhatsApp API v1 departments')).toEqual([]);
		// The ClientSDK token's other endpoints live on the Chat API host.
		expect(linesOf(lines, 'Agents list')[0]).toMatch(/fits the contract$/);
		expect(lines[lines.length - 1]).toBe(`Result: all ${TITLES.length - 1} endpoints checked fit the contract; a host could not be reached (above).`);
	});

	it('checks only the endpoints of the token given, and says which were left out', async () => {
		const { lines } = await check({ clientSdk: ' ' });
		expect(lines).toContain('ClientSDK token: not given (ZENVIA_CLIENTSDK_TOKEN); its 4 endpoints were not checked.');
		expect(emu.requests().some(({ path }) => path === '/api/v1/departments')).toBe(false);
	});
});

describe('check:live settings', () => {
	it('needs a token, and an environment Zenvia has', () => {
		expect(settingsFrom({})).toEqual({ error: expect.stringContaining('ZENVIA_CHAT_TOKEN') });
		expect(settingsFrom({ ZENVIA_CHAT_TOKEN: 'a', ZENVIA_ENVIRONMENT: 'staging' })).toEqual({ error: expect.stringContaining('homologation') });
		expect(settingsFrom({ ZENVIA_CLIENTSDK_TOKEN: 'b', ZENVIA_ENVIRONMENT: 'homologation' }).credentials).toEqual({
			chatApiToken: '',
			clientSdkToken: 'b',
			environment: 'homologation',
			customBaseUrls: false,
			chatApiBaseUrl: '',
			whatsappApiBaseUrl: '',
		});
	});
});

describe('check:live report: shapes only', () => {
	// Tokens with characters that encode differently in a URL, JSON and base64.
	const CHAT = 'Chat/Secret+Tok=en&42';
	const SDK = 'Sdk Secret/Token+99';
	const PERSONAL = ['Maria Aparecida Secreta', 'maria.secreta@example.com', '+55 11 98765-4321', '123.456.789-09', 'Rua das Flores 42', 'Oi, meu pedido 7781'];
	let leaky: Emulator;
	beforeAll(async () => {
		leaky = await startEmulator({ token: CHAT, clientSdkToken: SDK, records: 50 });
	});
	afterAll(async () => await leaky.close());

	const forms = (secret: string) => [
		secret,
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ t: secret }).toString().slice(2),
		JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
		Buffer.from(secret).toString('base64').replace(/=+$/, ''),
		Buffer.from(secret).toString('base64url'),
	];

	/** Every string a secret or a person's data, and every object given keys that are data. */
	function poisoned(value: unknown, seed = { n: 0 }): unknown {
		const secrets = [...PERSONAL, CHAT, SDK, ...forms(CHAT), ...forms(SDK)];
		if (typeof value === 'string') return secrets[seed.n++ % secrets.length];
		if (Array.isArray(value)) return value.map((item) => poisoned(item, seed));
		if (typeof value !== 'object' || value === null) return value;
		const copy = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, poisoned(inner, seed)]));
		return { ...copy, [PERSONAL[1]]: PERSONAL[0], [CHAT]: SDK, [encodeURIComponent(SDK)]: 1, [Buffer.from(CHAT).toString('base64')]: true };
	}

	it('holds no token, in any form, and none of the data the answers carried', async () => {
		const get = async (path: string, token: string) => (await fetch(`${leaky.url}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`)).json();
		const answers: Array<[string, unknown]> = [
			['/api/external/departments', await get('/api/external/departments', CHAT)],
			['/api/ms/external/history', await get('/api/ms/external/history?limit=5', CHAT)],
			['/api/ms/external/ongoing', await get('/api/ms/external/ongoing?limit=5', CHAT)],
			['/api/ms/external/history/*', await get('/api/ms/external/history/100001/messages', CHAT)],
			['/api/ms/external/reports', await get('/api/ms/external/reports', CHAT)],
			['/api/v1/departments', await get('/api/v1/departments', SDK)],
			['/api/external/form_fields', await get('/api/external/form_fields', SDK)],
			['/api/external/agents', await get('/api/external/agents', SDK)],
		];
		for (const [path, body] of answers) leaky.setFault({ path, method: 'GET', status: 200, body: poisoned(body) });
		// A careless server writing the request's token back, in every form.
		leaky.setFault({ path: '/core/api/v1/agents/online', method: 'GET', status: 200, bodyKind: 'echo-token' });

		const env = { ZENVIA_CHAT_TOKEN: CHAT, ZENVIA_CLIENTSDK_TOKEN: SDK, ZENVIA_CHAT_BASE_URL: leaky.url, ZENVIA_WHATSAPP_BASE_URL: leaky.url };
		const { lines } = (await checkLive({ env, root: ROOT, shapes: true })) as { lines: string[] };
		const text = lines.join('\n');
		// The answers were read and compared: every endpoint has its line, with differences.
		for (const title of TITLES) expect(linesOf(lines, title)[0]).toMatch(/HTTP 200/);
		expect(text).toContain('a key the contract does not have');
		for (const secret of [...PERSONAL, ...forms(CHAT), ...forms(SDK)]) expect(text).not.toContain(secret);
		for (const fragment of ['Secret', 'secreta', 'Maria', '98765', 'Flores', 'pedido']) expect(text.toLowerCase()).not.toContain(fragment.toLowerCase());
		// Nothing had to be swept at the end: the shapes themselves carried no secret.
		expect(text).not.toContain('[redacted]');
		expect(leaky.requests().filter(({ method }) => method !== 'GET')).toEqual([]);
	});
});
