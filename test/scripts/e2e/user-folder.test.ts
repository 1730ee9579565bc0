import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createUserFolder, userFolderFor, REPO_DIR } = require('../../../scripts/e2e');

// A package installed in a user's n8n finds no node_modules above n8n's own folder. One installed
// below a checkout would quietly load the checkout's development copies (n8n-workflow above all),
// so tests there could pass with modules a user never has.
describe('n8n user folders of the tests, the demo and the benchmarks', () => {
	it('lie outside the checkout, one per checkout and name, in a folder only the user can read', () => {
		const folder: string = userFolderFor('e2e-n8n-2');
		expect(relative(REPO_DIR, folder).startsWith('..')).toBe(true);
		expect(statSync(dirname(folder)).mode & 0o077).toBe(0);
		expect(userFolderFor('e2e-n8n-2')).toBe(folder);
		expect(userFolderFor('bench')).not.toBe(folder);
	});

	it('are refused below a node_modules folder, before anything is created', async () => {
		const parent = mkdtempSync(join(tmpdir(), 'zenvia-user-folder-'));
		try {
			mkdirSync(join(parent, 'node_modules'));
			const folder = join(parent, 'work', 'user');
			await expect(createUserFolder(folder, join(parent, 'missing.tgz'))).rejects.toThrow(
				`${join(parent, 'node_modules')} is above the n8n user folder ${folder}`,
			);
			expect(existsSync(folder)).toBe(false);
		} finally {
			rmSync(parent, { recursive: true, force: true });
		}
	});
});
