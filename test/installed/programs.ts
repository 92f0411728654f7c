/**
 * Three small Pulumi programs a user might write against the installed package: TypeScript as
 * CommonJS, TypeScript as an ES module, and plain JavaScript. Each builds the baseline from the
 * package by name and exports what a cluster needs.
 */

/** Pulumi's TypeScript template tsconfig, made stricter as demanding teams do, and with no `skipLibCheck`. */
export const STRICT_TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
    },
    files: ["index.ts"],
};

const BASELINE_ARGS = `{
    instanceProfileRoleArn: "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole",
    serviceRoleArn: "arn:aws:iam::123456789012:role/EMR_DefaultRole_V2",
    releaseLabel: "emr-7.5.0",
    accountId: "123456789012",
    partition: "aws",
    kerberos: { realm: "EC2.INTERNAL" },
}`;

const TYPESCRIPT_BODY = `
const baseline = new SecureEmrBaseline("emr", ${BASELINE_ARGS});

// The builder and the validator work from the package too, typed.
const document: SecurityConfigurationDocument = buildSecurityConfiguration({
    encryptionConfiguration: {
        enableAtRestEncryption: true,
        atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionMode: "SSE-S3" } },
    },
});
const problems: Problem[] = validateSecurityConfiguration(document);
if (problems.length > 0) {
    throw new Error(problems.map((p) => p.message).join("; "));
}
const resource: PolicyResource = { type: "aws:kms/key:Key", name: "k", props: { enableKeyRotation: UNKNOWN } };
const evaluate: (resources: PolicyResource[]) => Promise<PolicyFinding[]> = evaluatePolicies;
void [resource, evaluate, KmsKey, SecurityConfiguration, InTransitCertificate, Kerberos];

export const securityConfigurationName = baseline.securityConfigurationName;
export const s3KmsKeyArn = baseline.s3KmsKeyArn;
export const kerberosAttributes = baseline.kerberosAttributes;
`;

const TYPESCRIPT_IMPORTS = `import {
    buildSecurityConfiguration,
    evaluatePolicies,
    InTransitCertificate,
    Kerberos,
    KmsKey,
    PolicyFinding,
    PolicyResource,
    Problem,
    SecureEmrBaseline,
    SecurityConfiguration,
    SecurityConfigurationDocument,
    UNKNOWN,
    validateSecurityConfiguration,
} from "emr-security";
`;

const project = (name: string, main: string) =>
    `name: ${name}\nruntime: nodejs\ndescription: An EMR baseline from the installed package.\nmain: ${main}\n`;

/** The program folders, by name: file name to content. */
export const PROGRAMS: Record<string, Record<string, string | object>> = {
    "ts-commonjs": {
        "Pulumi.yaml": project("ts-commonjs", "index.ts"),
        "package.json": { name: "ts-commonjs", main: "index.ts" },
        "tsconfig.json": STRICT_TSCONFIG,
        "index.ts": TYPESCRIPT_IMPORTS + TYPESCRIPT_BODY,
    },
    "ts-esm": {
        "Pulumi.yaml": project("ts-esm", "index.ts"),
        "package.json": { name: "ts-esm", type: "module", main: "index.ts" },
        "tsconfig.json": {
            compilerOptions: { ...STRICT_TSCONFIG.compilerOptions, module: "nodenext", moduleResolution: "nodenext", target: "es2022" },
            files: ["index.ts"],
        },
        "index.ts": TYPESCRIPT_IMPORTS + TYPESCRIPT_BODY,
    },
    javascript: {
        "Pulumi.yaml": project("javascript", "index.js"),
        "package.json": { name: "javascript", main: "index.js" },
        "index.js": `"use strict";
const { SecureEmrBaseline, validateSecurityConfiguration, evaluatePolicies } = require("emr-security");

const baseline = new SecureEmrBaseline("emr", ${BASELINE_ARGS});
if (typeof validateSecurityConfiguration !== "function" || typeof evaluatePolicies !== "function") {
    throw new Error("the package's entry lacks its functions");
}
exports.securityConfigurationName = baseline.securityConfigurationName;
exports.s3KmsKeyArn = baseline.s3KmsKeyArn;
exports.kerberosAttributes = baseline.kerberosAttributes;
`,
    },
};
