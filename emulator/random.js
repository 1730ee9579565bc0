// @ts-check
'use strict';

// Hot loops use local aliases of Math: inside jest's vm sandbox every global lookup is slow
// (about 1 µs), which made 100,000 records take seconds in-process.
const { imul, floor } = Math;

/**
 * A tiny seeded generator: record i must be reproducible from (seed, i) alone, so a test can
 * compute what page N holds without replaying every record before it.
 * @param {number} seed
 * @param {number} index
 * @returns {() => number} uniform floats in [0, 1)
 */
function streamFor(seed, index) {
	let state = mix32((seed | 0) ^ mix32(index + 0x9e3779b9));
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {number} x */
function mix32(x) {
	x = imul(x ^ (x >>> 16), 0x85ebca6b);
	x = imul(x ^ (x >>> 13), 0xc2b2ae35);
	return (x ^ (x >>> 16)) | 0;
}

/**
 * @template T
 * @param {() => number} rnd
 * @param {readonly T[]} items
 * @returns {T}
 */
function pick(rnd, items) {
	return items[floor(rnd() * items.length)];
}

/**
 * @param {() => number} rnd
 * @param {number} min
 * @param {number} max inclusive
 */
function intBetween(rnd, min, max) {
	return min + floor(rnd() * (max - min + 1));
}

/**
 * A UUID-shaped string from the stream, so seeded data carries stable hashes.
 * @param {() => number} rnd
 */
function seededUuid(rnd) {
	let hex = '';
	for (let i = 0; i < 32; i++) hex += floor(rnd() * 16).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

module.exports = { streamFor, pick, intBetween, seededUuid };
