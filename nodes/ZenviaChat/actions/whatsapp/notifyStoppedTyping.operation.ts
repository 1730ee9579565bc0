import { customerSignalOperation } from './customerSignal';

/** PUT /api/v1/interactions/cleared: the customer stopped typing. */
export const { description, execute } = customerSignalOperation('notifyStoppedTyping', '/api/v1/interactions/cleared');
