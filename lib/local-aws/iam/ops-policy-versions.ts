// Policy version operations: GetPolicyVersion, ListPolicyVersions, CreatePolicyVersion (at most five
// versions, as in IAM), DeletePolicyVersion, SetDefaultPolicyVersion.
import type { IamOperation } from "./context";
import { deleteConflict, limitExceeded, noSuchEntity } from "./iam-error";
import { findPolicy } from "./lookup";
import { assertCustomerManaged } from "./ops-policies";
import { checkIdentityPolicy } from "./policy-document";
import { checkPolicyArn, checkVersionId } from "./rules";
import { versionXml } from "./serialize";

export const getPolicyVersion: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  const versionId = checkVersionId(params.string("VersionId"));
  const version = await ctx.db.localIamPolicyVersion.findUnique({ where: { policyId_versionId: { policyId: policy.id, versionId } } });
  if (!version) throw noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  return { PolicyVersion: versionXml(version, policy.defaultVersionId, true) };
};

export const listPolicyVersions: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  const versions = await ctx.db.localIamPolicyVersion.findMany({ where: { policyId: policy.id }, orderBy: { createdAt: "desc" } });
  return { Versions: versions.map((v) => versionXml(v, policy.defaultVersionId, false)), IsTruncated: false };
};

export const createPolicyVersion: IamOperation = async (ctx, params) => {
  const arn = checkPolicyArn(params.string("PolicyArn"));
  const document = checkIdentityPolicy(params.string("PolicyDocument"), { managed: true });
  const setAsDefault = params.boolean("SetAsDefault") ?? false;
  return ctx.db.$transaction(async (tx) => {
    const policy = await findPolicy(ctx, arn, tx);
    assertCustomerManaged(policy);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${policy.id}))`;
    const fresh = await findPolicy(ctx, arn, tx);
    const count = await tx.localIamPolicyVersion.count({ where: { policyId: policy.id } });
    if (count >= ctx.limits.versionsPerPolicy) {
      throw limitExceeded(
        `A managed policy can have up to ${ctx.limits.versionsPerPolicy} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const versionId = `v${fresh.nextVersion}`;
    const now = new Date();
    const version = await tx.localIamPolicyVersion.create({ data: { policyId: policy.id, versionId, document, createdAt: now } });
    const updated = await tx.localIamPolicy.update({
      where: { id: policy.id },
      data: { nextVersion: fresh.nextVersion + 1, updatedAt: now, ...(setAsDefault ? { defaultVersionId: versionId } : {}) },
    });
    return { PolicyVersion: versionXml(version, updated.defaultVersionId, false) };
  });
};

export const deletePolicyVersion: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  assertCustomerManaged(policy);
  const versionId = checkVersionId(params.string("VersionId"));
  if (versionId === policy.defaultVersionId) throw deleteConflict("Cannot delete the default version of a policy.");
  const deleted = await ctx.db.localIamPolicyVersion.deleteMany({ where: { policyId: policy.id, versionId } });
  if (deleted.count === 0) throw noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist.`);
  return null;
};

export const setDefaultPolicyVersion: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  assertCustomerManaged(policy);
  const versionId = checkVersionId(params.string("VersionId"));
  const version = await ctx.db.localIamPolicyVersion.findUnique({ where: { policyId_versionId: { policyId: policy.id, versionId } } });
  if (!version) throw noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist.`);
  await ctx.db.localIamPolicy.update({ where: { id: policy.id }, data: { defaultVersionId: versionId, updatedAt: new Date() } });
  return null;
};
