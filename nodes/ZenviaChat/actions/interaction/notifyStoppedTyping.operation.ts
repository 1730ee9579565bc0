import { signalOperation } from './signal';

/** PUT /core/api/v1/interactions/{interactionHash}/cleared: the customer stopped typing. */
export const { description, execute } = signalOperation('notifyStoppedTyping', 'cleared');
