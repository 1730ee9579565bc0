// @ts-check
'use strict';

// Shapes of JSON answers, never their values: the checker behind emulator/contract.js, used by the
// emulator on its own answers and by `npm run check:live` on Zenvia's. Everything it returns names
// keys and types only, so a report built from it can be pasted into a bug report as it is.

/**
 * A schema: a type string ('string', 'number', 'boolean', 'null', 'datetime', 'string[]', or
 * alternatives joined by '|'), a one-element array (a list of that), `{ $nullable: schema }`,
 * `{ $map: schema }` (an object whose keys are the account's own, e.g. custom form fields) or a
 * plain object of keys; a key ending in '?' may be missing.
 * @typedef {string | SchemaList | SchemaObject} Schema
 * @typedef {Array<Schema>} SchemaList
 * @typedef {{ [key: string]: Schema }} SchemaObject
 */

/**
 * @typedef {object} Difference
 * @property {string} path where in the answer, e.g. `data[].agent.id` (`[]` any list item, `{}` any map entry)
 * @property {string} expected what the contract says
 * @property {string} got what the answer has there: a type, `missing`, or `list` / `object`
 * @property {number} count how many places (list items) show this same difference
 */

/** ISO 8601 with a zone, as the Reports API writes it: `2025-05-10T08:03:22-03:00`, `...Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Kinds of string told apart without showing one: what a date or an id looks like is the point. */
const STRING_KINDS = /** @type {const} */ ([
	['empty', (/** @type {string} */ text) => text === ''],
	['date-time', (/** @type {string} */ text) => ISO_DATE_TIME.test(text)],
	['date-time without zone', (/** @type {string} */ text) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)],
	['date', (/** @type {string} */ text) => /^\d{4}-\d{2}-\d{2}$/.test(text)],
	['digits', (/** @type {string} */ text) => /^-?\d+(\.\d+)?$/.test(text)],
	['true/false', (/** @type {string} */ text) => text === 'true' || text === 'false'],
]);

/**
 * The type of a value, in the words the report uses: never the value itself.
 * @param {unknown} value
 * @returns {string}
 */
function typeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'string') {
		const kind = STRING_KINDS.find(([, test]) => test(value));
		return kind ? `string (${kind[0]})` : 'string';
	}
	if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'string';
	return typeof value;
}

/**
 * @param {string} alternative one of a type string's '|' parts
 * @param {unknown} value
 */
function fitsType(alternative, value) {
	switch (alternative) {
		case 'string':
			return typeof value === 'string';
		case 'datetime':
			return typeof value === 'string' && ISO_DATE_TIME.test(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'null':
			return value === null;
		case 'string[]':
			return Array.isArray(value) && value.every((item) => typeof item === 'string');
		default:
			throw new Error(`Unknown type "${alternative}" in the contract`);
	}
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @param {Schema} schema
 * @returns {string} what the schema expects, for a difference's `expected`
 */
function expectedOf(schema) {
	if (typeof schema === 'string') return schema;
	if (Array.isArray(schema)) return 'list';
	if ('$nullable' in schema) return `${expectedOf(/** @type {Schema} */ (schema.$nullable))}|null`;
	return 'object';
}

/**
 * Compares one value with its schema, pushing each difference into `out`.
 * @param {Schema} schema
 * @param {unknown} value
 * @param {string} path
 * @param {Array<Omit<Difference, 'count'>>} out
 */
function walk(schema, value, path, out) {
	if (typeof schema === 'string') {
		if (!schema.split('|').some((alternative) => fitsType(alternative, value))) out.push({ path, expected: schema, got: typeOf(value) });
		return;
	}
	if (Array.isArray(schema)) {
		if (!Array.isArray(value)) return void out.push({ path, expected: 'list', got: typeOf(value) });
		for (const item of value) walk(schema[0], item, `${path}[]`, out);
		return;
	}
	if ('$nullable' in schema) {
		if (value !== null) walk(/** @type {Schema} */ (schema.$nullable), value, path, out);
		return;
	}
	if (!isObject(value)) return void out.push({ path, expected: 'object', got: typeOf(value) });
	if ('$map' in schema) {
		for (const inner of Object.values(value)) walk(/** @type {Schema} */ (schema.$map), inner, `${path}{}`, out);
		return;
	}
	const known = new Set();
	for (const [written, inner] of Object.entries(schema)) {
		const optional = written.endsWith('?');
		const key = optional ? written.slice(0, -1) : written;
		known.add(key);
		const at = path ? `${path}.${key}` : key;
		if (value[key] === undefined) {
			if (!optional) out.push({ path: at, expected: expectedOf(inner), got: 'missing' });
		} else {
			walk(inner, value[key], at, out);
		}
	}
	for (const key of Object.keys(value)) {
		if (!known.has(key)) out.push({ path: `${path ? `${path}.` : ''}${safeKey(key)}`, expected: 'no such key', got: typeOf(value[key]) });
	}
}

/**
 * A key the contract does not know, as the report may print it: a plain field name, or a
 * placeholder when it could be data (digits, an e-mail, a token, anything long or unusual).
 * @param {string} key
 */
function safeKey(key) {
	const plain = /^[A-Za-z][A-Za-z_]{0,39}$/.test(key) || /^[A-Za-z][A-Za-z_]{0,30}\d?$/.test(key);
	return plain ? key : '(a key not shown: not a plain field name)';
}

/**
 * Every way a value differs from its schema, the same difference across list items counted once.
 * @param {Schema} schema
 * @param {unknown} value
 * @returns {Difference[]}
 */
function differences(schema, value) {
	/** @type {Array<Omit<Difference, 'count'>>} */
	const found = [];
	walk(schema, value, '', found);
	/** @type {Map<string, Difference>} */
	const merged = new Map();
	for (const item of found) {
		const key = `${item.path}\u0000${item.expected}\u0000${item.got}`;
		const known = merged.get(key);
		if (known) known.count++;
		else merged.set(key, { ...item, count: 1 });
	}
	return [...merged.values()];
}

module.exports = { differences, typeOf, safeKey, ISO_DATE_TIME };
