// @ts-check
'use strict';

// Every form a secret can take once a server, n8n or a log has written it: raw, JSON-escaped
// (slashes, quotes, backslashes), URL-encoded (%2F upper and lower case, and form-style with +),
// and base64 (standard and URL-safe). A leak check looks for each of them.

/** @param {string} secret @returns {string[]} */
function secretForms(secret) {
	const percent = encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	const base64 = Buffer.from(secret, 'utf8').toString('base64');
	const forms = [
		secret,
		JSON.stringify(secret).slice(1, -1),
		JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
		percent,
		percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ s: secret }).toString().slice(2),
		base64,
		base64.replace(/=+$/, ''),
		base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
	];
	return [...new Set(forms)];
}

/**
 * The forms of the secrets found in a text, as "secret #i form #j" (never the secret itself).
 * @param {string} text
 * @param {string[]} secrets
 */
function leaksIn(text, secrets) {
	/** @type {string[]} */
	const found = [];
	secrets.forEach((secret, index) => {
		secretForms(secret).forEach((form, formIndex) => {
			if (text.includes(form)) found.push(`secret #${index + 1} in form #${formIndex + 1}`);
		});
	});
	return found;
}

module.exports = { secretForms, leaksIn };
