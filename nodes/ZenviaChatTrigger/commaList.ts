/** The entries of a comma-separated setting or header, trimmed, empty ones left out. */
export function commaList(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}
