import * as emr from "@pulumi/aws/emr";
import * as pulumi from "@pulumi/pulumi";
import { kmsKeyValues, pointer, Problem, serializeSecurityConfiguration } from "../policies/model";
import { defaultNamePrefix, NAME_PREFIX_PATTERN, securityConfigurationName } from "./naming";
import { SecurityConfigurationSections } from "./securityConfigurationArgs";
import { checkArgumentsObject, isDeferred, shown, warnKeyReferences } from "./argumentChecks";
import { throwIfProblems, unlessCheckedByParent } from "./invalidArguments";
import { argumentPath, checkSecurityConfigurationArguments } from "./securityConfigurationDocument";

export interface SecurityConfigurationArgs extends SecurityConfigurationSections {
    /**
     * The start of the security configuration's name; a hash of the document follows it, so every
     * change creates a new configuration before the old one is deleted and running clusters keep
     * theirs. Letters, digits, `-` and `_`, at most 100. Defaults to the resource name.
     */
    namePrefix?: pulumi.Input<string>;
    /**
     * The EMR release of the clusters that will use this configuration, e.g. `emr-7.5.0`. When
     * given, features that release does not support are refused.
     */
    releaseLabel?: pulumi.Input<string>;
}

/**
 * An EMR security configuration built from typed arguments. Everything knowable is checked when
 * the component is constructed; values that arrive later are checked when they resolve, before the
 * document is sent.
 */
export class SecurityConfiguration extends pulumi.ComponentResource {
    /** The name of the EMR security configuration, for `aws.emr.Cluster`'s `securityConfiguration`. */
    public readonly name: pulumi.Output<string>;
    /** The exact JSON document sent to EMR. */
    public readonly configuration: pulumi.Output<string>;

    constructor(name: string, args: SecurityConfigurationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("emr-security:index:SecurityConfiguration", name, {}, opts);

        const invalid = `Invalid arguments for SecurityConfiguration "${name}"`;
        throwIfProblems(invalid, unlessCheckedByParent(args, checkSecurityConfigurationArgs), this);
        const { namePrefix, releaseLabel, ...sections } = args;

        this.configuration = pulumi.all([pulumi.output(sections), releaseLabel]).apply(([resolved, release]) => {
            // The whole document, now that every value is known: what was an output at construction
            // is judged here, and a problem is reported against this component.
            const { document, problems } = checkSecurityConfigurationArguments(resolved, { releaseLabel: release });
            throwIfProblems(invalid, problems, this);
            const keys = kmsKeyValues(document).map((k) => ({ path: argumentPath(pointer(k.path)), value: k.value }));
            warnKeyReferences(this, `SecurityConfiguration "${name}"`, keys);
            return serializeSecurityConfiguration(document);
        });
        const scope = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
        const physicalName = pulumi.all([namePrefix ?? defaultNamePrefix(name), this.configuration]).apply(([prefix, configuration]) => {
            throwIfProblems(invalid, isDeferred(namePrefix) ? checkNamePrefix(prefix, []) : [], this);
            return securityConfigurationName(prefix, scope, configuration);
        });

        const resource = new emr.SecurityConfiguration(name, { name: physicalName, configuration: this.configuration }, { parent: this });
        this.name = resource.name;
        this.registerOutputs({ name: this.name, configuration: this.configuration });
    }
}

/**
 * Every problem with the arguments that can be seen now. Values for which `deferred` is true are
 * not known yet; checks that need them run when they resolve.
 */
export function checkSecurityConfigurationArgs(
    args: SecurityConfigurationArgs,
    deferred: (value: unknown) => boolean = isDeferred,
): Problem[] {
    const notAnObject = checkArgumentsObject(args);
    if (notAnObject) {
        return [notAnObject];
    }
    const { namePrefix, releaseLabel, ...sections } = args;
    const problems: Problem[] = [];
    if (typeof namePrefix === "string") {
        checkNamePrefix(namePrefix, problems);
    }
    const release = typeof releaseLabel === "string" ? releaseLabel : undefined;
    const checked = checkSecurityConfigurationArguments(sections, { releaseLabel: release }, deferred);
    for (const problem of checked.problems) {
        // A release-label problem is reported once, against the argument that carries it.
        problems.push(problem.code === "bad-release-label" ? { ...problem, path: "releaseLabel" } : problem);
    }
    return problems;
}

function checkNamePrefix(prefix: string, problems: Problem[]): Problem[] {
    if (!NAME_PREFIX_PATTERN.test(prefix)) {
        problems.push({
            path: "namePrefix",
            code: "bad-format",
            message: `namePrefix must be 1 to 100 letters, digits, "-" or "_"; got ${shown(prefix)}`,
        });
    }
    return problems;
}
