import { pathSegment } from '../../helpers/validation';

/** /core/api/v1/interactions/{interactionHash}[/suffix], for a hash read by readInteractionHash. */
export function interactionPath(hash: string, suffix = ''): string {
	return `/core/api/v1/interactions/${pathSegment(hash)}${suffix ? `/${suffix}` : ''}`;
}
