import {
	DEFAULT_APPROVE_WHEN,
	approvingFromQuery,
	gateOutput,
	isHumanReviewGate,
	parseApproveWhen,
	readsAsApproval,
} from '../../../../../nodes/ZenviaChat/actions/waits/approval';
import { limitOutcome, replyOutcome } from '../../../../../nodes/ZenviaChat/actions/waits/outcome';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const DEFAULT = parseApproveWhen(DEFAULT_APPROVE_WHEN);

describe('the Human-review gate: does the customer\'s reply approve?', () => {
	test('the default list', () => {
		expect(DEFAULT).toEqual(['sim', 's', 'yes', 'y', 'ok', 'confirmo', '1']);
	});

	test.each([
		['sim', true],
		['Sim', true],
		['SIM!', true],
		['  sim.  ', true],
		['s', true],
		['Yes', true],
		['y', true],
		['OK', true],
		['ok!!', true],
		['Confirmo', true],
		['confirmo.', true],
		['1', true],
		['não', false],
		['nao', false],
		['não, quero falar do pedido', false],
		['sim, mas antes uma pergunta', false],
		['simples', false],
		['10', false],
		['', false],
		['   ', false],
		['!!!', false],
		['talvez', false],
	])('%j → %s', (reply, approved) => {
		expect(readsAsApproval(reply, DEFAULT)).toBe(approved);
	});

	test.each([
		['accents and case on both sides', 'Pode Transferir, CLARO', 'claro', true],
		['an accented entry matches an unaccented reply', 'Está bem', 'esta bem', true],
		['an unaccented entry matches an accented reply', 'esta bem', 'Está bem!', true],
		['spaces inside collapse', 'pode  ir', 'pode ir', true],
		['only the listed replies', 'claro', 'sim', false],
	])('%s', (_case, list, reply, approved) => {
		expect(readsAsApproval(reply, parseApproveWhen(list))).toBe(approved);
	});

	test.each([
		['', []],
		[' , ,', []],
		['Sim, SIM, sim', ['sim']],
		['Já, pode', ['ja', 'pode']],
	])('the list %j reads as %j', (list, entries) => {
		expect(parseApproveWhen(list)).toEqual(entries);
	});
});

describe('the gate\'s item: the wait\'s item with approved and chatInput', () => {
	test.each([
		[
			'a yes approves, the text is kept',
			gateOutput(replyOutcome({ event: 'new_message', interactionHash: HASH, content: 'Sim', contentType: 'text' }, 5), DEFAULT),
			{ outcome: 'reply', interactionHash: HASH, content: 'Sim', contentType: 'text', waitedMs: 5, approved: true, chatInput: 'Sim' },
		],
		[
			'any other reply is feedback for the model',
			gateOutput(replyOutcome({ event: 'new_message', interactionHash: HASH, content: 'não, quero falar do pedido', contentType: 'text' }, 7), DEFAULT),
			{ outcome: 'reply', interactionHash: HASH, content: 'não, quero falar do pedido', contentType: 'text', waitedMs: 7, approved: false, chatInput: 'não, quero falar do pedido' },
		],
		[
			'a customer who leaves rejects, without feedback',
			gateOutput(replyOutcome({ event: 'finished_interaction', interactionHash: HASH }, 9), DEFAULT),
			{ outcome: 'customerLeft', interactionHash: HASH, waitedMs: 9, approved: false },
		],
		[
			'no reply within the limit rejects, without feedback',
			limitOutcome('noReply', { interactionHash: HASH, approved: false }, 60000),
			{ outcome: 'noReply', interactionHash: HASH, approved: false, waitedMs: 60000 },
		],
	])('%s', (_case, output, expected) => {
		expect(output).toEqual(expected);
	});

	test.each([
		['n8n-nodes-zenvia-chat.zenviaChatHitlTool', true],
		['n8n-nodes-zenvia-chat.zenviaChatTool', false],
		['n8n-nodes-zenvia-chat.zenviaChat', false],
	])('%s is the gate: %s', (type, gate) => {
		expect(isHumanReviewGate(type)).toBe(gate);
	});

	test.each([
		[JSON.stringify(['claro']), ['claro']],
		[undefined, DEFAULT],
		['not json', DEFAULT],
		[JSON.stringify([1, 2]), DEFAULT],
	])('the resume URL\'s list %j reads as %j', (value, list) => {
		expect(approvingFromQuery(value)).toEqual(list);
	});
});
