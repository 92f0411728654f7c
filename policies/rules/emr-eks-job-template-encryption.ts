import { AT_REST } from "../compliance";
import { JOB_TEMPLATE, TEMPLATE_PARAMETER } from "../resources";
import { keyArnProblem } from "../analyses/keyArns";
import { resourceRule } from "../analyses/kit";

export const emrEksJobTemplateEncryption = resourceRule(
    {
        name: "emr-eks-job-template-encryption",
        description:
            "EMR on EKS job templates, which hold a job's release, roles, arguments and Spark settings, are encrypted with a customer managed KMS key.",
        enforcementLevel: "mandatory",
        severity: "medium",
        compliance: AT_REST,
        remediationSteps:
            "Set the job template's kmsKeyArn to a customer managed key's ARN whose policy lets the roles that create and start jobs from it use the key.",
    },
    [JOB_TEMPLATE],
    {},
    (props) => {
        if (!props.kmsKeyArn) {
            return [
                "The job template sets no kmsKeyArn, so what it stores (execution role, entry point and arguments, Spark settings) is not under a key you control. Set kmsKeyArn to a customer managed key.",
            ];
        }
        const parameter = typeof props.kmsKeyArn === "string" && TEMPLATE_PARAMETER.test(props.kmsKeyArn);
        const problem = parameter ? undefined : keyArnProblem("kmsKeyArn", props.kmsKeyArn, "EMR on EKS");
        return problem ? [problem] : [];
    },
);
