import type { IExecuteFunctions } from 'n8n-workflow';

/** Whether a saved parameter value holds an expression anywhere inside it. */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/**
 * n8n's context for one execution, whose parameter reads are done once when the parameter holds
 * no expression: such a value is the same for every item, and n8n would otherwise copy, resolve
 * and check it again for each one (a Message Type, the Options of a thousand sends). A parameter
 * with an expression is read per item, as before. Values read once are frozen, so a reader that
 * tried to change one would fail loudly instead of changing it for the next item.
 * `defaultsWithExpressions` names the parameters whose default is an expression.
 * The node itself is copied once too: n8n deep-copies it on every getNode(), which each reader and
 * request asks for to name it in an error; nothing here changes it.
 */
export function readingConstantsOnce(context: IExecuteFunctions, defaultsWithExpressions: ReadonlySet<string>): IExecuteFunctions {
	const saved = context.getNodeParameter.bind(context);
	const node = context.getNode();
	const parameters = node.parameters;
	// n8n leaves a parameter at its default out of the saved node: its default then decides.
	const perItem = (name: string) => (name in parameters ? holdsExpression(parameters[name]) : defaultsWithExpressions.has(name));
	const once = new Map<string, unknown>();
	const facade = Object.create(context) as IExecuteFunctions;
	facade.getNode = () => node;
	facade.getNodeParameter = ((name: string, itemIndex: number, fallback?: unknown, options?: object) => {
		// Paths ("options.timeLimit") and unusual reads go to n8n each time.
		if (name.includes('.') || perItem(name)) return saved(name, itemIndex, fallback, options);
		const key = options ? `${name} ${JSON.stringify(options)} ${JSON.stringify(fallback)}` : `${name} ${JSON.stringify(fallback)}`;
		if (!once.has(key)) once.set(key, deepFreeze(saved(name, itemIndex, fallback, options)));
		return once.get(key);
	}) as IExecuteFunctions['getNodeParameter'];
	return facade;
}
