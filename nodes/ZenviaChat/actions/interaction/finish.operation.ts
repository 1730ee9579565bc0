import { signalOperation } from './signal';

/** PUT /core/api/v1/interactions/{interactionHash}/finish */
export const { description, execute } = signalOperation('finish', 'finish');
