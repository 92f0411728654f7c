export * from "./access";
export { coversEveryAddress } from "./addresses";
export * from "./document";
export {
    FORMATS,
    Format,
    isAwsAccountId,
    isAwsPartition,
    isAwsRegion,
    kmsAliasName,
    kmsKeyAccount,
    KmsKeyReference,
    kmsKeyReference,
    kmsKeyRegion,
    parseS3Location,
} from "./formats";
export { kmsKeyValues } from "./crossField";
export {
    ApplicationSetting,
    ATTACHED_TYPES,
    attachedConfigurations,
    clusterConfigurations,
    ClusterConfigurations,
    jobTemplateConfigurations,
    serverlessConfigurations,
} from "./clusterConfigurations";
export { submitArguments, SubmitArguments } from "./sparkSubmit";
export * from "./problem";
export { providerBoolean, providerInteger } from "./providerValues";
export * from "./release";
export * from "./schema";
export * from "./serialize";
export * from "./validate";
