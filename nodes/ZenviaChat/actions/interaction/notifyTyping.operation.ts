import { signalOperation } from './signal';

/** PUT /core/api/v1/interactions/{interactionHash}/typing: the customer is typing. */
export const { description, execute } = signalOperation('notifyTyping', 'typing');
