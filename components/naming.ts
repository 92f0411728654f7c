import { createHash } from "crypto";

/** What a security-configuration name prefix may hold: short and safe to show in the console. */
export const NAME_PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** A default prefix from a resource name: invalid characters become `-`, cut to 100 characters. */
export function defaultNamePrefix(resourceName: string): string {
    return resourceName.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 100) || "emr-security";
}

/**
 * `<prefix>-<12 hex characters>`. The hash covers the serialized document, so any change gives a
 * new name, and `scope` (project, stack and resource name), so two stacks that deploy the same
 * document to one account and Region do not collide on EMR's per-Region unique names.
 */
export function securityConfigurationName(prefix: string, scope: string, configuration: string): string {
    const hash = createHash("sha256").update(scope).update("\n").update(configuration).digest("hex");
    return `${prefix}-${hash.slice(0, 12)}`;
}
