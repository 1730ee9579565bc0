import type { INode } from 'n8n-workflow';

import { pathSegment } from '../../helpers/validation';

/** /core/api/v1/interactions/{interactionHash}[/suffix], with the hash encoded into the path. */
export function interactionPath(node: INode, itemIndex: number, hash: unknown, suffix = ''): string {
	const segment = pathSegment(node, itemIndex, 'Interaction Hash', hash);
	return `/core/api/v1/interactions/${segment}${suffix ? `/${suffix}` : ''}`;
}
