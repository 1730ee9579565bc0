import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packProblems, n8nPaths } = require('../../scripts/check-pack');

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'check-pack.js');
const REPO_MANIFEST = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** Every path the repository's n8n section names, as `npm pack --dry-run --json` lists files. */
const shippedFiles = (): string[] => n8nPaths(REPO_MANIFEST).map(({ file }: { file: string }) => file);

describe('scripts/check-pack.js: the n8n section against the packed files', () => {
	it('passes when every node and credential is shipped, whatever the path spelling', () => {
		expect(packProblems(REPO_MANIFEST, shippedFiles())).toEqual([]);
		// Tarball entries carry package/, and a section may write ./dist/...
		expect(packProblems(REPO_MANIFEST, shippedFiles().map((file) => `package/${file}`))).toEqual([]);
		const dotted = { n8n: { nodes: ['./dist/a.node.js'], credentials: [] } };
		expect(packProblems(dotted, ['dist/a.node.js'])).toEqual([]);
	});

	it('names each path that is not in the package', () => {
		const [firstNode] = REPO_MANIFEST.n8n.nodes as string[];
		const [firstCredential] = REPO_MANIFEST.n8n.credentials as string[];
		const files = shippedFiles().filter((file) => file !== firstNode && file !== firstCredential);
		expect(packProblems(REPO_MANIFEST, files)).toEqual([
			`n8n.nodes names ${firstNode}, which is not in the package`,
			`n8n.credentials names ${firstCredential}, which is not in the package`,
		]);
	});

	it('refuses a section without nodes, and a list that is not a list of paths', () => {
		expect(packProblems({ n8n: { credentials: [] } }, [])).toEqual(['n8n.nodes names no node: n8n refuses a package without nodes']);
		expect(() => packProblems({ n8n: { nodes: 'dist/a.node.js' } }, [])).toThrow("package.json's n8n.nodes is not a list");
		expect(() => packProblems({ n8n: { nodes: [42] } }, [])).toThrow("package.json's n8n.nodes holds 42, not a path");
	});

	it('exits 1 on a tarball that lacks a credential its package.json names', () => {
		const dir = mkdtempSync(join(tmpdir(), 'zenvia-check-pack-'));
		try {
			const [missing, ...kept] = [...REPO_MANIFEST.n8n.credentials, ...REPO_MANIFEST.n8n.nodes] as string[];
			mkdirSync(join(dir, 'package'));
			writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify(REPO_MANIFEST));
			for (const file of kept) {
				mkdirSync(join(dir, 'package', dirname(file)), { recursive: true });
				writeFileSync(join(dir, 'package', file), '');
			}
			const tarball = join(dir, 'broken.tgz');
			execFileSync('tar', ['-czf', tarball, '-C', dir, 'package']);

			const result = spawnSync(process.execPath, [SCRIPT, tarball], { encoding: 'utf8', timeout: 30_000 });
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`n8n.credentials names ${missing}, which is not in the package`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
