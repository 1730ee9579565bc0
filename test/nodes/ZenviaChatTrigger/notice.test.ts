import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';

const notice = new ZenviaChatTrigger().description.properties.find(({ name }) => name === 'notice')!.displayName;

describe('Zenvia Chat Trigger notice', () => {
	it('shows "<your secret>" as text: the editor renders the notice as HTML', () => {
		expect(notice).toContain('?secret=&lt;your secret&gt;');
		expect(notice).not.toMatch(/<your secret>/);
	});

	it('names the buttons n8n 2.x shows, not the old "Listen for test event"', () => {
		expect(notice).toContain('<b>Execute step</b>');
		expect(notice).not.toContain('Listen for test event');
	});

	it('lists the three places to paste the URL as separate lines', () => {
		expect(notice.match(/<li>/g)).toHaveLength(3);
		expect(notice).toContain('<li><b>Chat API</b>');
		expect(notice).toContain('<li><b>WhatsApp API v1</b>');
		expect(notice).toContain('<li><b>External bot</b>');
	});
});
