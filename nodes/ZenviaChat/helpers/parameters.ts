import { NodeConnectionTypes, isSafeObjectProperty } from 'n8n-workflow';
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

/**
 * `={{ $json.a.b }}`, `={{ $json["a b"] }}`: the whole parameter is one field of the item. A quoted
 * name holds no `}` or line break, which n8n's expression parser would not take.
 */
const FIELD_REFERENCE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:"[^"\\}\n\r\u2028\u2029]*"|'[^'\\}\n\r\u2028\u2029]*')\])+)\s*\}\}$/;
const REFERENCE_STEP = /\.([A-Za-z_$][\w$]*)|\["([^"]*)"\]|\['([^']*)'\]/g;
/** n8n refuses any expression with this, whatever follows (`$json.constructorId` too). */
const CONSTRUCTOR_CALL = /\.\s*constructor/;

/**
 * The field names of a saved value that is one field reference, or undefined. Names n8n's sandbox
 * refuses (`__proto__`, `arguments`, ...: its isSafeObjectProperty) are left to n8n and its error.
 */
export function fieldReference(saved: unknown): string[] | undefined {
	if (typeof saved !== 'string' || CONSTRUCTOR_CALL.test(saved)) return undefined;
	const steps = FIELD_REFERENCE.exec(saved)?.[1];
	if (steps === undefined) return undefined;
	const path = Array.from(steps.matchAll(REFERENCE_STEP), (step) => step[1] ?? step[2] ?? step[3]);
	return path.every(isSafeObjectProperty) ? path : undefined;
}

/** A text, number or boolean the item holds at that path, through its own plain objects only. */
function primitiveAt(json: unknown, path: string[]): string | number | boolean | undefined {
	let value = json;
	for (const name of path) {
		if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, name)) return undefined;
		value = (value as Record<string, unknown>)[name];
	}
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Whether n8n's read options are none, or only the extraction that leaves this node's values as they are. */
function plainRead(options: { extractValue?: boolean } | undefined): boolean {
	return options === undefined || (Object.keys(options).length === 1 && options.extractValue === true);
}

/** The reference a saved value is: itself, or with `extractValue`, a resource locator's value. */
function savedReference(saved: unknown, options: { extractValue?: boolean } | undefined): string[] | undefined {
	const isLocator = typeof saved === 'object' && saved !== null && '__rl' in saved && 'mode' in saved;
	if (options?.extractValue && isLocator) return fieldReference((saved as { value?: unknown }).value);
	return fieldReference(saved);
}

/**
 * n8n's context for one execution, where a parameter that is exactly one field of the input item
 * (`{{ $json.hash }}`, what dragging a field onto it writes) is read from the item itself when the
 * field holds a text, number or boolean: n8n would build its expression data and run the
 * expression in its sandbox to give the same value, most of a send's CPU. The node's fields ask
 * n8n for no conversion (`validateType`) and their locator modes for no extraction, so n8n would
 * hand back that value unchanged (test/nodes/ZenviaChat/form.test.ts keeps it so). Anything else
 * (a missing field, an object, any other expression or read option) goes to n8n as before, so its
 * values and errors stay n8n's.
 */
export function readingFieldReferencesDirectly(context: IExecuteFunctions): IExecuteFunctions {
	const read = context.getNodeParameter.bind(context);
	const parameters = context.getNode().parameters;
	// The node's main input, where n8n's $json comes from; run as an AI agent's tool the node has
	// none (its items are the tool's arguments, $json the agent's item), and every read goes to n8n.
	const items = context.getInputData(0, NodeConnectionTypes.Main);
	const references = new Map<string, string[] | undefined>();
	const facade = Object.create(context) as IExecuteFunctions;
	facade.getNodeParameter = ((name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
		if (!plainRead(options)) return read(name, itemIndex, fallback, options);
		const key = options ? `${name} extracted` : name;
		if (!references.has(key)) references.set(key, savedReference(parameters[name], options));
		const path = references.get(key);
		const direct = path && primitiveAt(items[itemIndex]?.json, path);
		return direct !== undefined ? direct : read(name, itemIndex, fallback, options);
	}) as IExecuteFunctions['getNodeParameter'];
	return facade;
}
