// @ts-check
'use strict';

// The Reports API takes local wall-clock dates plus a "-0300" style zone, and answers in it.

// Local aliases: global lookups are slow inside jest's vm sandbox (see random.js).
const { floor, abs } = Math;
const NativeDate = Date;
const toText = String;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONE_PATTERN = /^([+-])(\d{2})(\d{2})$/;

/**
 * @param {string} value "-0300", "+0530"
 * @returns {number | undefined} offset in minutes east of UTC; undefined when malformed
 */
function parseTimezone(value) {
	const match = ZONE_PATTERN.exec(value);
	if (!match) return undefined;
	const hours = Number(match[2]);
	const minutes = Number(match[3]);
	if (hours > 14 || minutes > 59) return undefined;
	const total = hours * 60 + minutes;
	return match[1] === '-' ? -total : total;
}

/**
 * Accepts the documented "YYYY-MM-DDTHH:MM:SS" and "YYYY-MM-DD HH:MM[:SS]" (and a bare date),
 * read as wall-clock time in the requested zone. Anything else (a trailing "Z", milliseconds)
 * is rejected, because the real API's format is narrower than ISO 8601.
 * @param {string} value
 * @param {number} offsetMinutes
 * @returns {number | undefined} epoch milliseconds; undefined when malformed
 */
function parseLocalDate(value, offsetMinutes) {
	const match = DATE_PATTERN.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new NativeDate(utc);
	// Date.UTC silently rolls 2024-02-31 into March; a real API refuses it.
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
		return undefined;
	}
	return utc - offsetMinutes * 60_000;
}

/**
 * @param {number} epochMs
 * @param {number} offsetMinutes
 * @returns {string} "2025-05-10T11:03:22Z" in UTC, "2025-05-10T08:03:22-03:00" otherwise
 */
function formatInZone(epochMs, offsetMinutes) {
	const local = new NativeDate(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
	if (offsetMinutes === 0) return `${local}Z`;
	const sign = offsetMinutes < 0 ? '-' : '+';
	const minutes = abs(offsetMinutes);
	const hh = toText(floor(minutes / 60)).padStart(2, '0');
	const mm = toText(minutes % 60).padStart(2, '0');
	return `${local}${sign}${hh}:${mm}`;
}

/**
 * @param {number} epochMs
 * @param {number} offsetMinutes
 * @returns {string} the local calendar day, "YYYY-MM-DD"
 */
function localDay(epochMs, offsetMinutes) {
	return new NativeDate(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

module.exports = { parseTimezone, parseLocalDate, formatInZone, localDay };
