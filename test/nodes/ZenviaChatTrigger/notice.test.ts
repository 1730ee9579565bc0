import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';

const notice = new ZenviaChatTrigger().description.properties.find(({ name }) => name === 'notice')!.displayName;

describe('Zenvia Chat Trigger notice', () => {
	it('shows "<your secret>" as text: the editor renders the notice as HTML', () => {
		expect(notice).toContain('?secret=&lt;your secret&gt;');
		expect(notice).not.toMatch(/<your secret>/);
	});

	it('names the buttons n8n 2.x shows, not the old "Listen for test event"', () => {
		expect(notice).toContain('Execute step');
		expect(notice).not.toContain('Listen for test event');
	});

	it('names the credential picker by its n8n 2.41.1 label', () => {
		expect(notice).toContain('"Credential" above');
		expect(notice).not.toContain('Credential to connect with');
	});

	it('lists the three places to paste the URL as separate lines', () => {
		expect(notice).toContain('<li>Chat API:');
		expect(notice).toContain('<li>WhatsApp API v1:');
		expect(notice).toContain('<li>External bot');
	});

	// n8n 2.41.1's notice keeps only a, ul and li and drops every other tag, leaving its text: a <br>
	// there is no break, and "...published.With a Zenvia..." ran together.
	it('uses only the tags the editor keeps, so no break is lost', () => {
		const tags = [...notice.matchAll(/<\/?([a-z0-9]+)[^>]*>/gi)].map((match) => match[1].toLowerCase());
		expect(new Set(tags)).toEqual(new Set(['ul', 'li']));
		expect(notice).toMatch(/published\.<ul><li>With a Zenvia Chat Webhook API credential/);
	});
});
