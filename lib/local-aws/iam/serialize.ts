// Database rows -> the XML structures IAM returns. Policy documents are URL-encoded on the wire, as
// real IAM sends them (the SDK hands them over encoded; the AWS CLI decodes them).
import type { LocalIamPolicy, LocalIamPolicyVersion, LocalIamRole, LocalIamUser } from "@/lib/generated/prisma/client";
import type { XmlValue } from "../protocol/xml";
import type { Tag } from "./rules";

export function encodeDocument(doc: string): string {
  return encodeURIComponent(doc);
}

export function tagsOf(row: { tags: unknown }): Tag[] {
  return Array.isArray(row.tags) ? (row.tags as Tag[]) : [];
}

function tagsXml(tags: Tag[]): XmlValue {
  return tags.length ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined;
}

export function roleXml(role: LocalIamRole, detail: boolean): Record<string, XmlValue> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicyDocument),
    Description: role.description ?? undefined,
    MaxSessionDuration: role.maxSessionDuration,
    Tags: detail ? tagsXml(tagsOf(role)) : undefined,
    RoleLastUsed: detail ? { LastUsedDate: role.lastUsedAt ?? undefined, Region: role.lastUsedRegion ?? undefined } : undefined,
  };
}

export function userXml(user: LocalIamUser, detail: boolean): Record<string, XmlValue> {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: user.createdAt,
    PasswordLastUsed: user.passwordLastUsed ?? undefined,
    Tags: detail ? tagsXml(tagsOf(user)) : undefined,
  };
}

export function policyXml(policy: LocalIamPolicy, attachmentCount: number, detail: boolean): Record<string, XmlValue> {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: detail ? (policy.description ?? undefined) : undefined,
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
    Tags: detail ? tagsXml(tagsOf(policy)) : undefined,
  };
}

export function versionXml(version: LocalIamPolicyVersion, defaultVersionId: string, withDocument: boolean): Record<string, XmlValue> {
  return {
    Document: withDocument ? encodeDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === defaultVersionId,
    CreateDate: version.createdAt,
  };
}
