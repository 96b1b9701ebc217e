// The IAM actions the local endpoint serves, by their Query API names.
import type { IamOperation } from "./context";
import * as attachments from "./ops-attachments";
import * as inline from "./ops-inline";
import * as policies from "./ops-policies";
import * as versions from "./ops-policy-versions";
import * as roles from "./ops-roles";
import * as users from "./ops-users";

export const IAM_OPERATIONS: Record<string, IamOperation> = {
  CreateRole: roles.createRole,
  GetRole: roles.getRole,
  ListRoles: roles.listRoles,
  UpdateRoleDescription: roles.updateRoleDescription,
  DeleteRole: roles.deleteRole,
  TagRole: roles.tagRole,
  UntagRole: roles.untagRole,
  ListRoleTags: roles.listRoleTags,

  CreateUser: users.createUser,
  GetUser: users.getUser,
  ListUsers: users.listUsers,
  DeleteUser: users.deleteUser,
  TagUser: users.tagUser,
  UntagUser: users.untagUser,
  ListUserTags: users.listUserTags,

  CreatePolicy: policies.createPolicy,
  GetPolicy: policies.getPolicy,
  ListPolicies: policies.listPolicies,
  DeletePolicy: policies.deletePolicy,
  TagPolicy: policies.tagPolicy,
  UntagPolicy: policies.untagPolicy,
  ListPolicyTags: policies.listPolicyTags,

  GetPolicyVersion: versions.getPolicyVersion,
  ListPolicyVersions: versions.listPolicyVersions,
  CreatePolicyVersion: versions.createPolicyVersion,
  DeletePolicyVersion: versions.deletePolicyVersion,
  SetDefaultPolicyVersion: versions.setDefaultPolicyVersion,

  AttachRolePolicy: attachments.attachRolePolicy,
  DetachRolePolicy: attachments.detachRolePolicy,
  ListAttachedRolePolicies: attachments.listAttachedRolePolicies,
  AttachUserPolicy: attachments.attachUserPolicy,
  DetachUserPolicy: attachments.detachUserPolicy,
  ListAttachedUserPolicies: attachments.listAttachedUserPolicies,
  ListEntitiesForPolicy: attachments.listEntitiesForPolicy,

  PutRolePolicy: inline.putRolePolicy,
  GetRolePolicy: inline.getRolePolicy,
  ListRolePolicies: inline.listRolePolicies,
  DeleteRolePolicy: inline.deleteRolePolicy,
  PutUserPolicy: inline.putUserPolicy,
  GetUserPolicy: inline.getUserPolicy,
  ListUserPolicies: inline.listUserPolicies,
  DeleteUserPolicy: inline.deleteUserPolicy,
};
