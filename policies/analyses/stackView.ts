/**
 * Looks resources up across a stack for the stack rules, through indexes built on first use, so a
 * rule costs time linear in the stack. Every read goes through the framework's proxy: a value
 * unknown at preview defers the rule instead of deciding it.
 */
import { PolicyResource } from "@pulumi/policy";
import { isObject, JsonObject, kmsAliasName, parseSecurityConfiguration } from "../model";
import {
    CLUSTER_TYPES,
    ec2IdsOf,
    IAM_INSTANCE_PROFILE,
    IAM_ROLE,
    KMS_ALIAS_TYPES,
    KMS_KEY_POLICY,
    KMS_KEY_TYPES,
    SECURITY_CONFIGURATION_TYPES,
    securityConfigurationOf,
} from "../resources";

/** One view per stack: every stack rule of an analysis shares its indexes. */
const views = new WeakMap<readonly PolicyResource[], StackView>();

export class StackView {
    private readonly byType = new Map<string, PolicyResource[]>();
    private readonly indexes = new Map<string, Map<unknown, PolicyResource[]>>();
    private readonly results = new Map<string, unknown>();

    /**
     * The view of these resources, built once for the array the framework hands every stack rule.
     * An index that meets a value unknown at preview is not kept, so each rule defers alike.
     */
    static of(resources: PolicyResource[]): StackView {
        let view = views.get(resources);
        if (!view) {
            view = new StackView(resources);
            views.set(resources, view);
        }
        return view;
    }

    private constructor(private readonly resources: PolicyResource[]) {
        for (const resource of resources) {
            const list = this.byType.get(resource.type);
            if (list) {
                list.push(resource);
            } else {
                this.byType.set(resource.type, [resource]);
            }
        }
    }

    ofTypes(types: readonly string[]): PolicyResource[] {
        return types.flatMap((t) => this.byType.get(t) ?? []);
    }

    /**
     * What `compute` gives, computed once per view under `id`: rules of one analysis that share a
     * pass share its result. A pass that meets a value unknown at preview throws and is not kept,
     * so every rule that needs it defers alike.
     */
    memo<T>(id: string, compute: () => T): T {
        if (!this.results.has(id)) {
            this.results.set(id, compute());
        }
        return this.results.get(id) as T;
    }

    /**
     * The resources of the given types whose `key(resource)` equals `value`, through an index built
     * once per key. Lists grow in place, so many resources under one value cost linear time; an
     * absent value is never a key.
     */
    where(types: readonly string[], id: string, key: (r: PolicyResource) => unknown[], value: unknown): PolicyResource[] {
        let index = this.indexes.get(id);
        if (!index) {
            index = new Map();
            for (const resource of this.ofTypes(types)) {
                for (const k of key(resource)) {
                    if (k === undefined || k === null) {
                        continue;
                    }
                    const list = index.get(k);
                    if (list) {
                        list.push(resource);
                    } else {
                        index.set(k, [resource]);
                    }
                }
            }
            this.indexes.set(id, index);
        }
        return index.get(value) ?? [];
    }

    /**
     * The stack's KMS key that a reference names: a key ARN or key id directly, an alias ARN or alias
     * name through the stack's alias resources. `undefined` when the key is not one of the stack's,
     * or its alias is not in the stack.
     */
    kmsKey(reference: string): PolicyResource | undefined {
        const byArnOrId = (value: unknown) => this.where(KMS_KEY_TYPES, "key-by-arn-or-id", (k) => [k.props.arn, k.props.keyId], value)[0];
        const alias = kmsAliasName(reference);
        if (alias === undefined) {
            return byArnOrId(reference);
        }
        const [found] = this.where(KMS_ALIAS_TYPES, "alias-by-name", (a) => [a.props.name, a.props.aliasName], alias);
        return found ? byArnOrId(found.props.targetKeyId) : undefined;
    }

    /** The security configuration of the stack that carries this name (`name` input or output). */
    securityConfigurationNamed(name: string): PolicyResource | undefined {
        return this.where(SECURITY_CONFIGURATION_TYPES, "sc-by-name", (r) => [r.props.name], name)[0];
    }

    /** The clusters that name this security configuration. */
    clustersUsing(name: unknown): PolicyResource[] {
        return typeof name === "string" ? this.where(CLUSTER_TYPES, "cluster-by-sc", (r) => [r.props.securityConfiguration], name) : [];
    }

    /** Resources of the given types whose `bucket` property names this bucket. */
    onBucket(types: readonly string[], bucket: string): PolicyResource[] {
        return this.where(types, `bucket:${types.join(",")}`, (r) => [r.props.bucket], bucket);
    }

    /** A separate KeyPolicy resource for a key, by key id or ARN. */
    keyPolicyFor(key: PolicyResource): PolicyResource | undefined {
        const [byId] = this.where([KMS_KEY_POLICY], "key-policy", (r) => [r.props.keyId], key.props.keyId);
        return byId ?? this.where([KMS_KEY_POLICY], "key-policy", (r) => [r.props.keyId], key.props.arn)[0];
    }

    /** A role given by name or ARN, as an ARN: from the stack's roles, else built in the account given. */
    roleArnOf(nameOrArn: string, fallbackPrefix?: string): string | undefined {
        if (nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        const [role] = this.where([IAM_ROLE], "role-by-name", (r) => [r.props.name], nameOrArn);
        if (role && typeof role.props.arn === "string") {
            return role.props.arn;
        }
        return fallbackPrefix ? `${fallbackPrefix}:role/${nameOrArn}` : undefined;
    }

    /** The role behind a cluster's instance profile, when the profile and its role are in the stack. */
    instanceProfileRoleArn(cluster: PolicyResource): string | undefined {
        const attributes = cluster.props.ec2Attributes;
        const profile = isObject(attributes) ? attributes.instanceProfile : cluster.props.jobFlowRole;
        if (typeof profile !== "string") {
            return undefined;
        }
        const [found] = this.where([IAM_INSTANCE_PROFILE], "profile", (p) => [p.props.name, p.props.arn], profile);
        const role = found?.props.role;
        return typeof role === "string" ? this.roleArnOf(role) : undefined;
    }

    /** The stack's EC2 resource of these types known by this id (`subnet-...`, `sg-...`). */
    ec2Resource(types: readonly string[], id: string): PolicyResource | undefined {
        return this.where(types, `ec2:${types.join(",")}`, (r) => ec2IdsOf(r.type, r.props), id)[0];
    }

    get all(): PolicyResource[] {
        return this.resources;
    }
}

/**
 * A security configuration's parsed document, or undefined when it is not one (another rule fails
 * it). Each stack rule reads every document of the stack: each resource's is parsed once per
 * analysis, and kept no longer than the resource.
 */
export function documentOf(resource: PolicyResource): JsonObject | undefined {
    if (documents.has(resource)) {
        return documents.get(resource);
    }
    const document = parseSecurityConfiguration(securityConfigurationOf(resource.type, resource.props)).document;
    documents.set(resource, document);
    return document;
}

const documents = new WeakMap<PolicyResource, JsonObject | undefined>();
