// @ts-check
'use strict';

// The bad-input table: values a workflow really hands the node through expressions (numbers,
// booleans, null, objects, empty and blank text, path characters, unicode, 1 MB strings,
// out-of-range limits and dates). Each case is either refused before any request, by an error that
// names the field, or sent as given (checked in the emulator's request log).

const MB = 1024 * 1024;
// Built inside n8n by the expression, so the workflow stays small; unicode is covered apart.
const BIG = `={{ "x".repeat(${MB}) }}`;
const big = 'x'.repeat(MB);
const UNICODE = 'José Ñandú 中文 🙂👍🏽 \u200d ١٢٣';

/**
 * @typedef {{ method: string, path: string, query: Record<string, any>, body: any }} Sent
 * @typedef {{ refuse?: RegExp, send?: (request: Sent, output: Record<string, any>[]) => boolean }} Expect
 * @typedef {object} BadInput
 * @property {string} op an operation key of matrix/operations.js
 * @property {string} label
 * @property {Record<string, unknown>} set parameters replaced (dotted paths into collections)
 * @property {unknown} [value] given to the item as `$json.v`
 * @property {Expect} expect refuse: the error names the field; send: what the request must carry;
 *   both: either outcome is right
 */

/** @param {RegExp} field @returns {Expect} */
const refused = (field) => ({ refuse: field });
/** @param {(request: Sent, output: Record<string, any>[]) => boolean} check @returns {Expect} */
const sent = (check) => ({ send: check });
/** @param {RegExp} field @param {(request: Sent, output: Record<string, any>[]) => boolean} check @returns {Expect} */
const either = (field, check) => ({ refuse: field, send: check });
const V = '={{ $json.v }}';
const encodedTail = (/** @type {string} */ value) => (/** @type {Sent} */ request) => request.path.endsWith(`/${encodeURIComponent(value)}`) || request.path.endsWith(`/${encodeURIComponent(value)}/messages`);

/** @type {BadInput[]} */
const BAD_INPUTS = [
	// Interaction > Start: customer fields are text; numbers and booleans are sent as text.
	{ op: 'interaction.start', label: 'phone as a number', set: { 'customer.phone': V }, value: 11991417777, expect: sent((r) => r.body.customer?.phone === '11991417777') },
	{ op: 'interaction.start', label: 'CPF as a number', set: { 'customer.cpf': V }, value: 12345678900, expect: sent((r) => r.body.customer?.cpf === '12345678900') },
	{ op: 'interaction.start', label: 'name as a boolean', set: { 'customer.name': V }, value: true, expect: sent((r) => r.body.customer?.name === 'true') },
	{ op: 'interaction.start', label: 'name as an object', set: { 'customer.name': V }, value: { first: 'Maria' }, expect: refused(/Name/) },
	{ op: 'interaction.start', label: 'phone as a list', set: { 'customer.phone': V }, value: [1, 2], expect: refused(/Phone/) },
	{ op: 'interaction.start', label: 'email as null', set: { 'customer.email': V }, value: null, expect: sent((r) => r.body.customer?.email === undefined) },
	{ op: 'interaction.start', label: 'name in unicode and emoji', set: { 'customer.name': V }, value: UNICODE, expect: sent((r) => r.body.customer?.name === UNICODE) },
	{ op: 'interaction.start', label: 'name of 1 MB', set: { 'customer.name': BIG }, expect: either(/Name/, (r) => r.body.customer?.name === big) },
	{ op: 'interaction.start', label: 'department id empty', set: { departmentId: { __rl: true, mode: 'id', value: V } }, value: '', expect: refused(/Department/) },
	{ op: 'interaction.start', label: 'department id blank', set: { departmentId: { __rl: true, mode: 'id', value: V } }, value: '   ', expect: refused(/Department/) },
	{ op: 'interaction.start', label: 'department id not a number', set: { departmentId: { __rl: true, mode: 'id', value: V } }, value: 'sales', expect: refused(/Department/) },
	{ op: 'interaction.start', label: 'department id as a number', set: { departmentId: { __rl: true, mode: 'id', value: V } }, value: 2, expect: sent((r) => r.body.department_id === 2) },
	{ op: 'interaction.start', label: 'department id negative', set: { departmentId: { __rl: true, mode: 'id', value: V } }, value: -3, expect: refused(/Department/) },
	{ op: 'interaction.start', label: 'extra JSON broken', set: { extraInput: 'json', extraJson: V }, value: '{"crmId": ', expect: refused(/Extra/) },
	{ op: 'interaction.start', label: 'extra JSON a list', set: { extraInput: 'json', extraJson: V }, value: '[1, 2]', expect: refused(/Extra/) },
	{ op: 'interaction.start', label: 'external history without a scheme', set: { 'options.externalHistory': V }, value: 'chathistory.example.org', expect: sent((r) => r.body.external_history === 'https://chathistory.example.org') },
	{ op: 'interaction.start', label: 'external history ftp://', set: { 'options.externalHistory': V }, value: 'ftp://example.org/x', expect: refused(/External History/) },

	// Interaction > Update and the hash in the path.
	...['..', '.', '...'].map((value) => ({ op: 'interaction.update', label: `hash "${value}"`, set: { interactionHash: V }, value, expect: refused(/Interaction Hash/) })),
	...['a/b', 'a?b=1', 'a#b', '%2e%2e'].map((value) => ({ op: 'interaction.update', label: `hash "${value}"`, set: { interactionHash: V }, value, expect: either(/Interaction Hash/, encodedTail(value)) })),
	{ op: 'interaction.update', label: 'hash empty', set: { interactionHash: V }, value: '', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.update', label: 'hash blank', set: { interactionHash: V }, value: ' \t ', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.update', label: 'hash null', set: { interactionHash: V }, value: null, expect: refused(/Interaction Hash/) },
	{ op: 'interaction.update', label: 'hash an object', set: { interactionHash: V }, value: { hash: 'x' }, expect: refused(/Interaction Hash/) },
	{ op: 'interaction.update', label: 'hash a number', set: { interactionHash: V }, value: 12345, expect: either(/Interaction Hash/, (r) => r.path === '/core/api/v1/interactions/12345') },
	{ op: 'interaction.update', label: 'tag ids not numbers', set: { 'updateFields.tagIds': V, 'updateFields.note': '' }, value: 'a, b', expect: either(/Tag IDs/, (r) => JSON.stringify(r.body.tag_ids) === '["a","b"]') },
	{ op: 'interaction.update', label: 'customer key a number', set: { 'updateFields.customerKey': V }, value: 42, expect: sent((r) => r.body.customer_key === '42') },
	{ op: 'interaction.update', label: 'note in unicode and emoji', set: { 'updateFields.note': V }, value: UNICODE, expect: sent((r) => r.body.note === UNICODE) },

	// Interaction > Send Message: content is the customer's text, sent as given.
	{ op: 'interaction.sendMessage', label: 'content with spaces and a newline', set: { content: V }, value: '  indented\n', expect: sent((r) => r.body.content === '  indented\n') },
	{ op: 'interaction.sendMessage', label: 'content empty', set: { content: V }, value: '', expect: refused(/Content/) },
	{ op: 'interaction.sendMessage', label: 'content blank', set: { content: V }, value: ' \n\t ', expect: refused(/Content/) },
	{ op: 'interaction.sendMessage', label: 'content a number', set: { content: V }, value: 42, expect: sent((r) => r.body.content === '42') },
	{ op: 'interaction.sendMessage', label: 'content an object', set: { content: V }, value: { text: 'hi' }, expect: refused(/Content/) },
	{ op: 'interaction.sendMessage', label: 'content in unicode and emoji', set: { content: V }, value: UNICODE, expect: sent((r) => r.body.content === UNICODE) },
	{ op: 'interaction.sendMessage', label: 'content of 1 MB', set: { content: BIG }, expect: either(/Content/, (r) => r.body.content === big) },
	{ op: 'interaction.sendMessage', label: 'hash ".."', set: { interactionHash: V }, value: '..', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.notifyTyping', label: 'hash ".."', set: { interactionHash: V }, value: '..', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.notifyStoppedTyping', label: 'hash "."', set: { interactionHash: V }, value: '.', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.finish', label: 'hash "...."', set: { interactionHash: V }, value: '....', expect: refused(/Interaction Hash/) },
	{ op: 'interaction.finish', label: 'hash empty', set: { interactionHash: V }, value: '', expect: refused(/Interaction Hash/) },
	// WhatsApp.
	{ op: 'whatsapp.getDepartments', label: 'limit 0', set: { limit: V }, value: 0, expect: refused(/Limit/) },
	{ op: 'whatsapp.getDepartments', label: 'limit -1', set: { limit: V }, value: -1, expect: refused(/Limit/) },
	{ op: 'whatsapp.getDepartments', label: 'limit "abc"', set: { limit: V }, value: 'abc', expect: refused(/Limit/) },
	{ op: 'whatsapp.getDepartments', label: 'return all "false" from a CSV', set: { returnAll: V, limit: 1 }, value: 'false', expect: sent((_r, output) => output.length === 1) },
	{ op: 'whatsapp.getDepartments', label: 'return all "yes"', set: { returnAll: V }, value: 'yes', expect: refused(/Return All/) },
	{ op: 'whatsapp.sendMessage', label: 'external id a number', set: { customerExternalId: V }, value: 5511900000042, expect: sent((r) => r.body.customer?.external_id === '5511900000042') },
	{ op: 'whatsapp.sendMessage', label: 'external id empty', set: { customerExternalId: V }, value: '', expect: refused(/External ID/i) },
	{ op: 'whatsapp.sendMessage', label: 'external id an object', set: { customerExternalId: V }, value: { id: 1 }, expect: refused(/External ID/i) },
	{ op: 'whatsapp.sendMessage', label: 'content in unicode and emoji', set: { content: V }, value: UNICODE, expect: sent((r) => r.body.content === UNICODE) },
	{ op: 'whatsapp.sendMessage', label: 'content of 1 MB', set: { content: BIG }, expect: either(/Content/, (r) => r.body.content === big) },
	{ op: 'whatsapp.sendMessage', label: 'customer phone a number', set: { 'customer.phone': V }, value: 11991417777, expect: sent((r) => r.body.customer?.phone === '11991417777') },
	{ op: 'whatsapp.notifyTyping', label: 'external id blank', set: { customerExternalId: V }, value: '   ', expect: refused(/External ID/i) },
	{ op: 'whatsapp.notifyStoppedTyping', label: 'external id null', set: { customerExternalId: V }, value: null, expect: refused(/External ID/i) },

	// Reports.
	{ op: 'report.getHistory', label: 'search a number', set: { 'filters.search': V }, value: 999, expect: sent((r) => String(r.query.search) === '999') },
	{ op: 'report.getHistory', label: 'search with / ? # & =', set: { 'filters.search': V }, value: 'a/b?c#d&e=f', expect: sent((r) => r.query.search === 'a/b?c#d&e=f') },
	{ op: 'report.getHistory', label: 'limit 0', set: { limit: V }, value: 0, expect: refused(/Limit/) },
	{ op: 'report.getHistory', label: 'limit 10001', set: { limit: V }, value: 10001, expect: refused(/Limit/) },
	{ op: 'report.getHistory', label: 'return all "false" from a CSV', set: { returnAll: V, limit: 2 }, value: 'false', expect: sent((r) => String(r.query.limit) === '2') },
	{ op: 'report.getHistory', label: 'expanded "maybe"', set: { expanded: V }, value: 'maybe', expect: refused(/Expanded/) },
	{ op: 'report.getHistory', label: 'from not a date', set: { 'from': V }, value: 'yesterday-ish', expect: refused(/From/) },
	{ op: 'report.getHistory', label: 'from month 13', set: { 'from': V }, value: '2025-13-45T00:00:00', expect: refused(/From/) },
	{ op: 'report.getHistory', label: 'to in unicode', set: { 'to': V }, value: '２０２５-０５-３１', expect: refused(/To/) },
	{ op: 'report.getConversationMessages', label: 'protocol ".."', set: { protocolId: V }, value: '..', expect: refused(/Protocol/) },
	{ op: 'report.getConversationMessages', label: 'protocol "1/../2"', set: { protocolId: V }, value: '1/../2', expect: either(/Protocol/, encodedTail('1/../2')) },
	{ op: 'report.getConversationMessages', label: 'protocol a number', set: { protocolId: V }, value: 100001, expect: sent((r) => r.path === '/api/ms/external/history/100001/messages') },
	{ op: 'report.getConversationMessages', label: 'protocol an object', set: { protocolId: V }, value: { id: 1 }, expect: refused(/Protocol/) },
	{ op: 'report.getOngoing', label: 'limit 10001', set: { limit: V }, value: 10001, expect: refused(/Limit/) },
	{ op: 'report.getOngoing', label: 'limit 2.5', set: { limit: V }, value: 2.5, expect: refused(/Limit/) },
	{ op: 'report.getDigitalChannels', label: 'department ids not numbers', set: { 'filters.departments': V }, value: 'sales, support', expect: refused(/Department/) },
	{ op: 'report.getDigitalChannels', label: 'time zone unknown', set: { 'timezone': V }, value: 'Mars/Olympus_Mons', expect: either(/Time ?zone/i, (r) => r.query.timezone === 'Mars/Olympus_Mons') },
	{ op: 'report.getDigitalChannels', label: 'to before from', set: { 'from': '2025-05-31T00:00:00', 'to': '2025-05-01T00:00:00' }, expect: either(/From|To/, (r) => typeof r.query.to === 'string') },

	// Interaction > Leave Message for Team (last, so the cases above keep their keys): the
	// customer's e-mail is where the team answers.
	{ op: 'interaction.leaveMessageForTeam', label: 'customer email not an e-mail', set: { customerEmail: V }, value: 'maria at example.com', expect: refused(/Customer Email/) },
	{ op: 'interaction.leaveMessageForTeam', label: 'customer email a number', set: { customerEmail: V }, value: 42, expect: refused(/Customer Email/) },
	{ op: 'interaction.leaveMessageForTeam', label: 'customer email empty', set: { customerEmail: V }, value: '', expect: refused(/Customer Email/) },
	{ op: 'interaction.leaveMessageForTeam', label: 'content empty', set: { content: V }, value: '', expect: refused(/Content/) },
	{ op: 'interaction.leaveMessageForTeam', label: 'customer phone a number', set: { 'customerDetails.phone': V }, value: 11991417777, expect: sent((r) => r.body.customer?.phone === '11991417777') },
	{ op: 'interaction.leaveMessageForTeam', label: 'content in unicode and emoji', set: { content: V }, value: UNICODE, expect: sent((r) => r.body.content === UNICODE) },
];

/**
 * The operation's parameters with a case's replacements.
 * @param {Record<string, any>} parameters
 * @param {Record<string, unknown>} set
 */
function withParameters(parameters, set) {
	const result = JSON.parse(JSON.stringify(parameters));
	for (const [dotted, value] of Object.entries(set)) {
		const keys = dotted.split('.');
		let target = result;
		for (const key of keys.slice(0, -1)) target = target[key] ??= {};
		target[keys[keys.length - 1]] = value;
	}
	return result;
}

module.exports = { BAD_INPUTS, withParameters };
