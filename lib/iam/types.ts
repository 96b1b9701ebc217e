// Shapes the IAM use cases return to the console: plain, serializable data.
export interface EntitySummary {
  kind: "role" | "user";
  name: string;
  path: string;
  arn: string;
  id: string;
  createdAt: string; // ISO-8601
  description?: string;
  /** roles: RoleLastUsed; users: PasswordLastUsed. Undefined when never used or not asked for. */
  lastActivity?: { date: string; region?: string };
  /** roles: who may assume it, from the trust policy ("AWS service: ecs-tasks", "Account: ...") */
  trustedEntities?: string[];
}

export interface EntityPage {
  items: EntitySummary[];
  /** pass back as `marker` for the next page; undefined on the last page */
  marker?: string;
}

export interface AttachedPolicyDetail {
  name: string;
  arn: string;
  awsManaged: boolean;
  defaultVersionId?: string;
  /** the default version's document, pretty-printed JSON */
  document?: string;
}

export interface EntityDetail extends EntitySummary {
  tags: { key: string; value: string }[];
  attachedPolicies: AttachedPolicyDetail[];
  inlinePolicyNames: string[];
  /** roles only: the trust policy, pretty-printed */
  trustPolicy?: string;
}
