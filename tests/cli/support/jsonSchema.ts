/**
 * A small JSON Schema checker for the subset docs/cli/*.schema.json use: type (one or several),
 * properties, required, additionalProperties (false or a schema), items, enum, minimum, $ref to
 * `#/$defs/…`. Returns the first few problems found, each with its JSON path; [] when the value fits.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [other: string]: unknown;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = '$', problems: string[] = []): string[] {
  if (problems.length >= 10) return problems;
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) problems.push(`${path}: unknown $ref ${schema.$ref}`);
    else checkSchema(value, target, root, path, problems);
    return problems;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
      problems.push(`${path}: ${t}, expected ${types.join(' or ')}`);
      return problems;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) problems.push(`${path}: ${value} < ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => checkSchema(v, schema.items!, root, `${path}[${i}]`, problems));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) checkSchema(v, property, root, `${path}.${key}`, problems);
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
      else if (typeof schema.additionalProperties === 'object') checkSchema(v, schema.additionalProperties, root, `${path}.${key}`, problems);
    }
  }
  return problems;
}
