/**
 * Looks resources up across a stack for the stack rules. Each read goes through the framework's
 * proxy, so a value unknown at preview defers the rule instead of deciding it.
 */
import { PolicyResource } from "@pulumi/policy";
import { isObject, JsonObject, parseSecurityConfiguration } from "../model";
import { IAM_INSTANCE_PROFILE, IAM_ROLE, SECURITY_CONFIGURATION_TYPES, securityConfigurationOf } from "../resources";

export function ofTypes(resources: PolicyResource[], types: readonly string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/** The security configurations of the stack that carry this name (`name` input or output). */
export function securityConfigurationNamed(resources: PolicyResource[], name: string): PolicyResource | undefined {
    return ofTypes(resources, SECURITY_CONFIGURATION_TYPES).find((r) => r.props.name === name);
}

/** A security configuration's parsed document, or undefined when it is not one (another rule fails it). */
export function documentOf(resource: PolicyResource): JsonObject | undefined {
    return parseSecurityConfiguration(securityConfigurationOf(resource.type, resource.props)).document;
}

/** The clusters that name this security configuration. */
export function clustersUsing(clusters: PolicyResource[], name: unknown): PolicyResource[] {
    return typeof name === "string" ? clusters.filter((c) => c.props.securityConfiguration === name) : [];
}

/** A role given by name or ARN, as an ARN: from the stack's roles, else built in the account given. */
export function roleArnOf(resources: PolicyResource[], nameOrArn: string, fallbackPrefix?: string): string | undefined {
    if (nameOrArn.startsWith("arn:")) {
        return nameOrArn;
    }
    const role = ofTypes(resources, [IAM_ROLE]).find((r) => r.props.name === nameOrArn);
    if (role && typeof role.props.arn === "string") {
        return role.props.arn;
    }
    return fallbackPrefix ? `${fallbackPrefix}:role/${nameOrArn}` : undefined;
}

/** The role behind a cluster's instance profile, when the profile and its role are in the stack. */
export function instanceProfileRoleArn(resources: PolicyResource[], cluster: PolicyResource): string | undefined {
    const attributes = cluster.props.ec2Attributes;
    const profile = isObject(attributes) ? attributes.instanceProfile : cluster.props.jobFlowRole;
    if (typeof profile !== "string") {
        return undefined;
    }
    const found = ofTypes(resources, [IAM_INSTANCE_PROFILE]).find((p) => p.props.name === profile || p.props.arn === profile);
    const role = found?.props.role;
    return typeof role === "string" ? roleArnOf(resources, role) : undefined;
}
