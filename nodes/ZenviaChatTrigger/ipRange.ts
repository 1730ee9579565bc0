/**
 * IP addresses and CIDR ranges, IPv4 and IPv6, as 128-bit numbers. IPv4 is held as an
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d), so "203.0.113.7" in the allow-list also matches a
 * request whose socket address is written "::ffff:203.0.113.7".
 */

export interface IpRange {
	first: bigint;
	prefix: number;
}

const IPV4_MAPPED = 0xffffn << 32n;

function parseIpv4(text: string): bigint | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
	return parts.reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n);
}

function parseGroups(text: string): number[] | undefined {
	if (text === '') return [];
	const groups: number[] = [];
	const parts = text.split(':');
	for (const [index, part] of parts.entries()) {
		if (index === parts.length - 1 && part.includes('.')) {
			const ipv4 = parseIpv4(part);
			if (ipv4 === undefined) return undefined;
			groups.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
		} else if (/^[0-9a-f]{1,4}$/i.test(part)) {
			groups.push(parseInt(part, 16));
		} else {
			return undefined;
		}
	}
	return groups;
}

function parseIpv6(text: string): bigint | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const head = parseGroups(halves[0]);
	const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
	return groups.reduce((sum, group) => (sum << 16n) + BigInt(group), 0n);
}

/** "203.0.113.7", "2001:db8::1", "[2001:db8::1]", "fe80::1%eth0" → a number, or undefined. */
export function parseIp(text: string): bigint | undefined {
	const address = text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	const ipv4 = parseIpv4(address);
	if (ipv4 !== undefined) return IPV4_MAPPED | ipv4;
	return address.includes(':') ? parseIpv6(address) : undefined;
}

/** "203.0.113.7", "203.0.113.0/24", "2001:db8::/32" → a range, or undefined. */
export function parseRange(text: string): IpRange | undefined {
	const [address, prefixText, extra] = text.trim().split('/');
	if (extra !== undefined) return undefined;
	const ip = parseIp(address);
	if (ip === undefined) return undefined;
	const isIpv4 = parseIpv4(address.trim()) !== undefined;
	const width = isIpv4 ? 32 : 128;
	if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText.trim())) return undefined;
	const given = prefixText === undefined ? width : Number(prefixText.trim());
	if (given > width) return undefined;
	const prefix = given + (128 - width);
	return { first: (ip >> BigInt(128 - prefix)) << BigInt(128 - prefix), prefix };
}

export function rangeContains(range: IpRange, ip: bigint): boolean {
	const shift = BigInt(128 - range.prefix);
	return ip >> shift === range.first >> shift;
}
