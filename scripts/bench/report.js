// @ts-check
'use strict';

// Turns the benchmark's runs into docs/BENCHMARKS.md: medians, ratios, and for every target
// whether it is met, and if not, why and what would close it.

const fixed = (/** @type {number} */ value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const list = (/** @type {any[]} */ runs, /** @type {string} */ key, digits = 1) => runs.map((run) => fixed(run[key], digits)).join(', ');
const range = (/** @type {number[]} */ values) => (values.length ? `${Math.min(...values)}–${Math.max(...values)}` : 'n/a');

/**
 * @param {{ results: any, machine: any, versions: any, small: boolean, median: (values: number[]) => number, command: string }} input
 */
function report({ results, machine, versions, small, median, command }) {
	const m = (/** @type {any[]} */ runs, /** @type {string} */ key) => median(runs.map((run) => run[key]));
	const lines = [];
	const out = (/** @type {string} */ line = '') => lines.push(line);
	const { size } = results;

	out('# Benchmarks');
	out();
	out(`Written by \`${command}\` (\`scripts/bench.js\`) on ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC. Every figure below comes`);
	out('from that one run. Speed is measured here, never asserted in a test.');
	if (results.commit) out(`Package measured: commit \`${results.commit}\`.`);
	if (small) {
		out();
		out('**Small size: this run only proves the command works; its figures mean nothing.**');
	}
	out();
	out('## Set-up');
	out();
	out(`- Machine: ${machine.cpus}, ${machine.memoryGb} GB RAM, ${machine.os}; load average at the end: ${machine.loadAverage}.`);
	out(`- n8n ${versions.n8n} (\`n8n start\`, SQLite, default settings) on Node ${versions.node}, installed by \`scripts/install-n8n.sh\`,`);
	out('  with this package installed as a community package; the emulator (`emulator/`) runs in the benchmark');
	out('  process on 127.0.0.1 and shares the machine.');
	out(`- Each action scenario is a published workflow: Webhook (answers when the last node ends) > Split Out >`);
	out('  the node measured. Time is the webhook call\'s wall time, so it includes n8n starting the execution,');
	out('  Split Out and saving the execution; the same for every contender.');
	out(`- ${size.rounds} round(s), ${size.cpuRounds ?? size.rounds} for the two CPU-bound comparisons (sends at latency, per-item cost),`);
	out('  contenders interleaved within each round (order rotating); tables give medians, with every run listed.');
	if (size.warmUpItems) {
		out(`  Before the rounds the contenders of those two comparisons run once with ${size.warmUpItems} items, unmeasured`);
		out('  (n8n and V8 warm up).');
	}
	out();

	// ---- Sends at latency
	const lat = results.latency;
	const latZ = m(lat['send-zenvia'], 'seconds');
	const latH = m(lat['send-http'], 'seconds');
	out(`## ${size.sends} × Interaction > Send Message, ${results.latencyMs} ms API latency`);
	out();
	const inFlight = results.zenviaInFlight ? `default: ${results.zenviaInFlight} requests in flight` : 'defaults';
	out('| contender | median (s) | runs (s) | n8n CPU per item, median (ms) | delivered | duplicates |');
	out('| --- | --- | --- | --- | --- | --- |');
	out(`| Zenvia Chat node (${inFlight}) | ${fixed(latZ, 2)} | ${list(lat['send-zenvia'], 'seconds', 2)} | ${fixed(m(lat['send-zenvia'], 'cpuMsPerItem'), 2)} | ${range(lat['send-zenvia'].map((r) => r.delivered))} | ${range(lat['send-zenvia'].map((r) => r.duplicates))} |`);
	out(`| HTTP Request (defaults: every item at once) | ${fixed(latH, 2)} | ${list(lat['send-http'], 'seconds', 2)} | ${fixed(m(lat['send-http'], 'cpuMsPerItem'), 2)} | ${range(lat['send-http'].map((r) => r.delivered))} | ${range(lat['send-http'].map((r) => r.duplicates))} |`);
	out();
	out('n8n CPU: user + system time of n8n\'s main process (/proc, all its threads) from the webhook call until');
	out('a moment after the answer (saving the execution included), divided by the items; less sensitive to');
	out('other work on the machine than the wall time.');
	out();
	const latRatio = latZ / latH;
	// Each round runs both back to back, so a round's own ratio cancels what the machine was doing
	// then; its median is the second reading of the target, and both must meet it.
	const roundRatios = lat['send-zenvia'].map((run, round) => run.seconds / lat['send-http'][round].seconds);
	const roundRatio = median(roundRatios);
	const faster = roundRatios.filter((ratio) => ratio < 1).length;
	out(`Ratio Zenvia / HTTP Request: **${fixed(latRatio, 2)}×** of the medians, **${fixed(roundRatio, 2)}×** the median of each round's own ratio`);
	out(`(the node faster in ${faster} of ${roundRatios.length} rounds); target: at most 1.0× — ${latRatio <= 1.0 && roundRatio <= 1.0 ? 'met' : 'missed'}.`);
	out();

	// ---- Sends under a rate limit
	const lim = results.limited;
	const floor = size.limitedSends / results.rateLimit;
	out(`## ${size.limitedSends} sends under ${results.rateLimit} requests/s (token bucket, 429 + Retry-After), ${results.latencyMs} ms latency`);
	out();
	out(`Floor: ${size.limitedSends} / ${results.rateLimit} = ${fixed(floor, 1)} s (the bucket starts full, so ${results.rateLimit} requests go through at once).`);
	out();
	out('| contender | median (s) | runs (s) | delivered (of ' + size.limitedSends + ') | duplicate sends | n8n answer |');
	out('| --- | --- | --- | --- | --- | --- |');
	const names = {
		'send-zenvia': 'Zenvia Chat node (defaults)',
		'send-http': 'HTTP Request (defaults)',
		'send-http-retry': 'HTTP Request, Retry On Fail',
		'send-http-batch': 'HTTP Request, batching 50 per 1 s',
	};
	for (const [key, name] of Object.entries(names)) {
		const runs = lim[key];
		out(`| ${name} | ${fixed(m(runs, 'seconds'), 2)} | ${list(runs, 'seconds', 2)} | ${range(runs.map((r) => r.delivered))} | ${range(runs.map((r) => r.duplicates))} | ${[...new Set(runs.map((r) => r.status))].join(', ')} |`);
	}
	const limZ = m(lim['send-zenvia'], 'seconds');
	const allDelivered = lim['send-zenvia'].every((r) => r.delivered === size.limitedSends && r.duplicates === 0);
	out();
	const batchFloor = m(lim['send-http-batch'], 'seconds') / floor;
	out(`Pace check: HTTP Request batching exactly at the limit (50 per 1 s, never refused) took ${fixed(batchFloor, 2)}× the floor in the`);
	out(`same rounds. ${batchFloor > 1.1 ? 'Above 1.1×, n8n itself could not process 50 items a second on this machine, so CPU, not the limiter, set the pace of every contender; compare the Zenvia Chat node with this line rather than with the floor.' : 'Close to 1×: n8n kept up with the limit, so the gap to the floor is the limiter\'s own.'}`);
	out();
	out(`Zenvia Chat node: ${allDelivered ? 'every run delivered every message, none twice' : '**some run lost or repeated a message**'}; median ${fixed(limZ / floor, 2)}× the floor (target: at most 1.3×) — ${allDelivered && limZ / floor <= 1.3 ? 'met' : 'missed'}.`);
	out();

	// ---- Overhead
	const over = results.overhead;
	const bare = m(over.bare, 'msPerItem');
	const base = m(over.baseline, 'msPerItem');
	const zenvia = m(over['send-zenvia'], 'msPerItem');
	const httpRequest = m(over['send-http'], 'msPerItem');
	const zSerial = m(over['send-zenvia-serial'], 'msPerItem');
	const zOver = zenvia - base - bare;
	const hOver = httpRequest - base - bare;
	out(`## Per-item cost above a bare round trip (${size.serial} items, defaults on both sides, no latency)`);
	out();
	out('Per item: the workflow\'s time divided by the items, minus the same workflow with a No Operation node in');
	out('place of the request (webhook, Split Out, saving), minus a bare round trip (the same POST from a plain');
	out('Node client, a new connection each time as n8n\'s HTTP helper makes).');
	out();
	const cpu = (/** @type {string} */ key) => fixed(m(over[key], 'cpuMsPerItem'), 2);
	out('| measure | median ms per item | runs | n8n CPU per item, median (ms) |');
	out('| --- | --- | --- | --- |');
	out(`| bare round trip | ${fixed(bare, 2)} | ${list(over.bare, 'msPerItem', 2)} | |`);
	out(`| workflow with No Operation | ${fixed(base, 2)} | ${list(over.baseline, 'msPerItem', 2)} | ${cpu('baseline')} |`);
	out(`| Zenvia Chat node (defaults) | ${fixed(zenvia, 2)} | ${list(over['send-zenvia'], 'msPerItem', 2)} | ${cpu('send-zenvia')} |`);
	out(`| HTTP Request (defaults) | ${fixed(httpRequest, 2)} | ${list(over['send-http'], 'msPerItem', 2)} | ${cpu('send-http')} |`);
	out(`| Zenvia Chat node, Requests in Flight 1 (for reference) | ${fixed(zSerial, 2)} | ${list(over['send-zenvia-serial'], 'msPerItem', 2)} | ${cpu('send-zenvia-serial')} |`);
	out();
	out('Both contenders at their defaults: HTTP Request 4.2 starts every item at once, the Zenvia Chat node');
	out('keeps its default requests in flight. HTTP Request has no setting that waits for one answer before the');
	out('next item (batching 1 per 0 ms also starts every item at once), so the node\'s Requests in Flight 1 row,');
	out('where every round trip shows in the time, has no HTTP Request counterpart and is given for reference.');
	out();
	out(`Zenvia Chat node / HTTP Request, whole per-item time: ${fixed(zenvia / httpRequest, 2)}×.`);
	out(`Overhead above the bare round trip: Zenvia Chat node **${fixed(zOver, 2)} ms**, HTTP Request ${fixed(hOver, 2)} ms`);
	out(`(target: at most HTTP Request's) — ${zOver <= hOver ? 'met' : 'missed'}.`);
	const cpuAbove = (/** @type {string} */ key) => m(over[key], 'cpuMsPerItem') - m(over.baseline, 'cpuMsPerItem');
	out(`n8n CPU per item above the No Operation workflow: Zenvia Chat node ${fixed(cpuAbove('send-zenvia'), 2)} ms, HTTP Request ${fixed(cpuAbove('send-http'), 2)} ms.`);
	out();

	// ---- Export
	const exp = results.export;
	const eZ = m(exp['export-zenvia'], 'seconds');
	const eH = m(exp['export-http'], 'seconds');
	const memZ = m(exp['export-zenvia'].map((r) => ({ v: r.rssPeakMb - r.rssBeforeMb })), 'v');
	const memH = m(exp['export-http'].map((r) => ({ v: r.rssPeakMb - r.rssBeforeMb })), 'v');
	out(`## Export: ${size.records.toLocaleString('en')} history records, one item per record`);
	out();
	out('| contender | median (s) | runs (s) | requests | n8n RSS growth, median (MB) |');
	out('| --- | --- | --- | --- | --- |');
	out(`| Zenvia Chat node, Report > Get History, Return All | ${fixed(eZ, 2)} | ${list(exp['export-zenvia'], 'seconds', 2)} | ${range(exp['export-zenvia'].map((r) => r.requests))} | ${fixed(memZ, 0)} |`);
	out(`| HTTP Request with pagination + Split Out | ${fixed(eH, 2)} | ${list(exp['export-http'], 'seconds', 2)} | ${range(exp['export-http'].map((r) => r.requests))} | ${fixed(memH, 0)} |`);
	out();
	out(`Ratio: **${fixed(eZ / eH, 2)}×** the time, memory growth ${fixed(memZ, 0)} vs ${fixed(memH, 0)} MB (target: parity, no more memory) — ${eZ / eH <= 1.1 && memZ <= memH * 1.1 ? 'met' : 'missed'}.`);
	out('RSS is n8n\'s main process, sampled every 25 ms during the run; RSS does not shrink between runs, so the');
	out('growth of a later run can read lower than the memory it used.');
	out();

	// ---- Waits
	if (results.waits) {
		const { zenvia, floor } = results.waits;
		const pct = (/** @type {number[]} */ values, /** @type {number} */ p) => {
			const sorted = [...values].sort((a, b) => a - b);
			return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
		};
		const gap = pct(zenvia, 50) - pct(floor, 50);
		out(`## Waits: event → resumed execution (${zenvia.length} samples each, interleaved)`);
		out();
		out('Zenvia: the customer\'s reply posted to the Zenvia Chat Trigger while Bot > Send and Wait for Reply waits;');
		out('floor: a POST to n8n\'s Wait node\'s own resume URL in the same n8n. Each sample starts once the');
		out('execution has been waiting for 0.5 s and ends when the resumed execution\'s next node (the same HTTP');
		out('Request for both) reaches a local recorder.');
		out();
		out('| set-up | p50 (ms) | p99 (ms) | min (ms) | max (ms) |');
		out('| --- | --- | --- | --- | --- |');
		for (const [name, values] of /** @type {Array<[string, number[]]>} */ ([['Zenvia Chat Trigger → Send and Wait for Reply', zenvia], ['n8n Wait node, its resume URL (floor)', floor]])) {
			out(`| ${name} | ${fixed(pct(values, 50), 1)} | ${fixed(pct(values, 99), 1)} | ${fixed(Math.min(...values), 1)} | ${fixed(Math.max(...values), 1)} |`);
		}
		out();
		out(`p50 above the floor: **${fixed(gap, 1)} ms** (target: at most 50 ms) — ${gap <= 50 ? 'met' : 'missed'}.`);
		out();
	}

	// ---- Trigger
	const trig = { default: results.trigger.default, lazy: results.trigger.lazy ?? {} };
	out(`## Trigger: n8n CPU per event (${size.events} events per run, posted one after the other)`);
	out();
	out('CPU time of n8n\'s main process from /proc, read before the first event and once n8n is quiet after the');
	out('last (so started executions are included), divided by the events. Dropped: an event the trigger is not');
	out('listening for (answered 200, no execution); the Webhook + Switch set-up starts an execution for every event.');
	out();
	out('| set-up | n8n defaults (ms) | N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (ms) |');
	out('| --- | --- | --- |');
	const label = {
		'switch dropped': 'Webhook + Switch, event not wanted',
		'v1 dropped': 'Zenvia Chat Trigger v1, event dropped',
		'v2 dropped': 'Zenvia Chat Trigger v2, event dropped',
		'v1 started': 'Zenvia Chat Trigger v1, execution started',
		'v2 started': 'Zenvia Chat Trigger v2, execution started',
	};
	for (const [key, name] of Object.entries(label)) {
		const d = trig.default[key] ?? [];
		const l = trig.lazy[key] ?? [];
		out(`| ${name} | ${fixed(median(d))} (${d.map((v) => fixed(v)).join(', ')}) | ${fixed(median(l))} (${l.map((v) => fixed(v)).join(', ')}) |`);
	}
	const dropLazy = median(trig.lazy['v2 dropped']);
	const switchLazy = median(trig.lazy['switch dropped']);
	const dropDefault = median(trig.default['v2 dropped']);
	const switchDefault = median(trig.default['switch dropped']);
	out();
	out(`Dropped event, version 2, with the setting: **${fixed((100 * dropLazy) / switchLazy, 0)}%** of Webhook + Switch (target: under 10%) — ${dropLazy / switchLazy < 0.1 ? 'met' : 'missed'};`);
	out(`without it: ${fixed((100 * dropDefault) / switchDefault, 0)}% (target: no worse than Webhook + Switch) — ${dropDefault <= switchDefault ? 'met' : 'missed'}.`);
	out();

	out('## Reading: what limits each figure, and what would close a miss');
	out();
	out('- **Where the per-item time goes** (`npm run profile`, a CPU profile of the sends in `n8n execute`):');
	out('  for HTTP Request, about half of it is n8n running the two expressions of each item in its');
	out('  expression sandbox (building the expression data, then the sandbox call), the rest n8n\'s HTTP');
	out('  helper and the connection. The node reads a field that is exactly one field of the item');
	out('  (`={{ $json.hash }}`, what dragging a field onto it writes) from the item itself when it holds a');
	out('  text, number or boolean (`helpers/parameters.ts`), reads fields without an expression once per');
	out('  execution, and the credential once; what is left per item is mostly the HTTP helper. An');
	out('  expression that is more than one field (`={{ $json.first + " " + $json.last }}`) still goes');
	out('  through n8n\'s sandbox, and costs the node what it costs HTTP Request.');
	out('- **Connections**: n8n\'s HTTP helper (`@n8n/backend-network`) builds a new `http.Agent` for every');
	out('  request, so a node cannot keep connections alive through `httpRequestWithAuthentication`');
	out('  (`agentOptions.keepAlive` would only apply to that throwaway agent). HTTP Request pays the same.');
	out(`- **Sends at latency**: N requests in flight cap a send at N per round trip, and the round trip is`);
	out(`  more than the ${results.latencyMs} ms the emulator waits: a new connection each time, and on a loaded`);
	out('  2-core machine the emulator and n8n wait for the CPU. With 20 that cap sat below n8n\'s own pace,');
	out('  so the node idled while HTTP Request (every item at once) never did; the default is 50 (a 429');
	out('  still halves it and paces, see Rate limit). The node also checks later items while requests are');
	out('  on their way, reading each answer as it comes, instead of checking every item first.');
	out('- **Rate limit**: the limiter learns the limit from the first 429 (the rate that got through in the');
	out('  last second), pauses for Retry-After, then paces a little below it and ramps up by 5% a second;');
	out('  each overshoot costs one Retry-After pause (1 s here). HTTP Request with defaults loses the');
	out('  items refused with 429 (the node fails); with Retry On Fail it resends whole batches, sending some');
	out('  messages twice; batching at exactly the known limit works when the user knows the limit.');
	out('- **Trigger**: version 2 of the trigger is what lets n8n skip the expression engine for a dropped');
	out('  event, but only with `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`; without it n8n prepares the');
	out('  expression sandbox for every webhook call whatever the node does, so version 1 and 2 cost about');
	out('  the same as each other there.');
	out('- **Noise**: figures from different scenarios are comparable within a round (contenders');
	out('  interleaved), less so across runs; the load average above says how busy the machine was. On a');
	out('  machine shared with other work every figure grows, the ratios less than the absolute times.');
	out();
	return `${lines.join('\n')}\n`;
}

module.exports = { report };
