// @ts-check
'use strict';

// Task import (more-zenvia-apis.md, "Tasks: import"): ClientSDK token.

const { isPlainObject } = require('../http-util');
const { authenticateBody, messageError } = require('./route');
const v = require('./validate');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */

const EXPIRES_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** @param {unknown} value */
const isId = (value) => (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));

/** @param {unknown} value */
const isStringList = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * @param {unknown} entry
 * @param {number} index
 * @returns {string | undefined}
 */
function taskProblem(entry, index) {
	const at = `tasks.${index}`;
	if (!isPlainObject(entry)) return `The ${at} must be an object.`;
	const { task, customer, agents } = entry;
	if (!isPlainObject(task)) return `The ${at}.task field is required.`;
	if (!isId(task.id)) return `The ${at}.task.id field is required.`;
	if (typeof task.name !== 'string' || task.name.trim() === '') return `The ${at}.task.name field is required.`;
	if (!v.isAbsent(task.description) && typeof task.description !== 'string') return `The ${at}.task.description must be a string.`;
	if (!v.isAbsent(task.expires_at) && !(typeof task.expires_at === 'string' && EXPIRES_AT.test(task.expires_at))) {
		return `The ${at}.task.expires_at must be a date like 2020-01-01 00:00:00.`;
	}
	if (!isPlainObject(customer)) return `The ${at}.customer field is required.`;
	if (!isId(customer.id)) return `The ${at}.customer.id field is required.`;
	for (const field of ['name', 'document']) {
		if (!v.isAbsent(customer[field]) && typeof customer[field] !== 'string') return `The ${at}.customer.${field} must be a string.`;
	}
	for (const field of ['emails', 'phones']) {
		if (!v.isAbsent(customer[field]) && !isStringList(customer[field])) return `The ${at}.customer.${field} must be a list of strings.`;
	}
	if (!isStringList(agents) || /** @type {string[]} */ (agents).length === 0) return `The ${at}.agents field is required.`;
	return undefined;
}

/** @param {RequestContext} ctx @returns {Answer} */
function importTasks(ctx) {
	const auth = authenticateBody(ctx, 'clientSdk');
	if ('error' in auth) return auth.error;
	const tasks = auth.body.tasks;
	if (!Array.isArray(tasks) || tasks.length === 0) return messageError(422, 'The tasks field is required.');
	const problem = tasks.map(taskProblem).find((item) => item !== undefined);
	if (problem) return messageError(422, problem);

	const account = ctx.backend.state.account;
	const known = new Set([...account.agents.values()].map((agent) => agent.email.toLowerCase()));
	const unknown = [...new Set(tasks.flatMap((entry) => /** @type {string[]} */ (entry.agents)))].filter((email) => !known.has(email.toLowerCase()));
	// The document's one error answer; the emulator then imports none of the batch.
	if (unknown.length > 0) return { status: 500, body: { status: 500, errors: unknown.map((email) => `Agents not found with email = ${email}`) } };
	account.tasks.push(...tasks.map((entry) => structuredClone(entry)));
	return { status: 200, body: { status: 200 } };
}

/** @type {import('./route').Route[]} */
const taskRoutes = [{ method: 'POST', pattern: /^\/api\/external\/tasks$/, handle: importTasks }];

module.exports = { taskRoutes };
