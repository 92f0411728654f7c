import { SECRET_RESOURCE_PROPERTIES, SECRET_TYPE_PROPERTIES } from "./secretProperties";

interface Properties {
    [name: string]: { secret?: boolean };
}

interface PackageSchema {
    name: string;
    resources: Record<string, { inputProperties?: Properties; properties?: Properties }>;
    types: Record<string, { properties?: Properties }>;
}

/**
 * The inferred schema with the secret properties marked. A property the table names but the
 * schema lacks is an error: a renamed argument must not lose its secrecy quietly.
 */
export function withSecretsMarked(schemaJson: string): string {
    const schema = JSON.parse(schemaJson) as PackageSchema;
    const token = (name: string) => `${schema.name}:index:${name}`;
    const mark = (properties: Properties | undefined, names: readonly string[], where: string) => {
        for (const name of names) {
            const property = properties?.[name];
            if (!property) {
                throw new Error(`the schema has no ${where}.${name} to mark secret`);
            }
            property.secret = true;
        }
    };
    for (const [component, { inputs, outputs }] of Object.entries(SECRET_RESOURCE_PROPERTIES)) {
        const resource = schema.resources[token(component)];
        mark(resource?.inputProperties, inputs, `${component} argument`);
        mark(resource?.properties, outputs, `${component} output`);
    }
    for (const [type, names] of Object.entries(SECRET_TYPE_PROPERTIES)) {
        mark(schema.types[token(type)]?.properties, names, type);
    }
    return JSON.stringify(schema);
}
