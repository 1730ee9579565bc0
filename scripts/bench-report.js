#!/usr/bin/env node
// @ts-check
'use strict';

// Benchmark of Report > Get History with Return All, through n8n-core's real WorkflowExecute and
// HTTP helpers, against the local emulator. Not part of the test suite (jest does not see it).
//
//   node scripts/bench-report.js [--records 100000] [--runs 3]
//
// The emulator runs in this process; each measured run happens in a fresh child process, so the
// child's peak RSS and heap belong to n8n and the node alone, not to the emulated server.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TOKEN = 'emulator-token-0123456789';
const ROOT = path.resolve(__dirname, '..');

function argument(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

/** Loads the TypeScript sources directly: types are stripped, never checked, here. */
function registerTypeScript() {
	const ts = require('typescript');
	require.extensions['.ts'] = (module, filename) => {
		const source = fs.readFileSync(filename, 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
			fileName: filename,
		});
		/** @type {any} */ (module)._compile(outputText, filename);
	};
	// `ZenviaChat.node` must find ZenviaChat.node.ts before the codex file ZenviaChat.node.json.
	for (const extension of ['.json', '.node']) {
		const loader = require.extensions[extension];
		delete require.extensions[extension];
		require.extensions[extension] = loader;
	}
}

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Child: one Return All run, printed as a JSON line. */
async function measure(url, records) {
	registerTypeScript();
	const { runNode } = require(path.join(ROOT, 'test/helpers/runNode.ts'));
	const parameters = { resource: 'report', operation: 'getHistory', returnAll: true, options: { timezone: 'UTC' } };
	const credentials = { chatApiBaseUrl: url };

	// Warm up n8n and the code paths with a one-record run, then take the baseline.
	await runNode({ parameters: { ...parameters, returnAll: false, limit: 1 }, credentials });
	const baseline = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
	let peakHeap = baseline.heap;
	let peakRss = baseline.rss;
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		peakHeap = Math.max(peakHeap, usage.heapUsed);
		peakRss = Math.max(peakRss, usage.rss);
	}, 5);

	const started = process.hrtime.bigint();
	const { items, error } = await runNode({ parameters, credentials });
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);

	if (error) throw error;
	const unique = new Set(items.map((item) => item.json.id)).size;
	if (items.length !== records || unique !== records) {
		throw new Error(`expected ${records} distinct records, got ${items.length} items, ${unique} distinct`);
	}
	const maxRss = process.resourceUsage().maxRSS * 1024;
	console.log(
		JSON.stringify({
			records,
			seconds: Math.round(seconds * 100) / 100,
			baselineRssMb: mb(baseline.rss),
			peakRssMb: mb(Math.max(peakRss, maxRss)),
			baselineHeapMb: mb(baseline.heap),
			peakHeapMb: mb(peakHeap),
		}),
	);
}

/** Parent: the emulator, then one child per run. */
async function main() {
	const records = Number(argument('records', '100000'));
	const runs = Number(argument('runs', '3'));
	const { startEmulator } = require(path.join(ROOT, 'emulator'));
	const emu = await startEmulator({ port: 0, token: TOKEN, records, seed: 42 });
	console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
	console.log(`Report > Get History, Return All over ${records} emulated records, ${runs} run(s)`);
	try {
		for (let run = 1; run <= runs; run++) {
			// The emulator must keep serving while the child runs, so the child is asynchronous.
			const result = await new Promise((resolve, reject) => {
				const child = spawn(
					process.execPath,
					[__filename, '--child', emu.url, String(records)],
					{ stdio: ['ignore', 'pipe', 'inherit'] },
				);
				let out = '';
				child.stdout.on('data', (chunk) => (out += chunk));
				child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').pop()) : reject(new Error(`run ${run} exited ${code}`))));
			});
			console.log(result);
		}
	} finally {
		await emu.close();
	}
}

if (process.argv[2] === '--child') {
	measure(process.argv[3], Number(process.argv[4])).catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
