export * from "./access";
export * from "./document";
export { FORMATS, Format, isKmsKeyArn, kmsKeyAccount, kmsKeyRegion, parseS3Location } from "./formats";
export * from "./problem";
export * from "./release";
export * from "./schema";
export * from "./serialize";
export * from "./validate";
