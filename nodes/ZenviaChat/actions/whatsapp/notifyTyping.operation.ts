import { customerSignalOperation } from './customerSignal';

/** PUT /api/v1/whatsapp/typing: the customer is typing. */
export const { description, execute } = customerSignalOperation('notifyTyping', '/api/v1/whatsapp/typing');
