-- CreateEnum
CREATE TYPE "ConsoleRole" AS ENUM ('ADMIN', 'VIEWER');

-- CreateTable
CREATE TABLE "ConsoleUser" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "ConsoleRole" NOT NULL DEFAULT 'VIEWER',
    "oidcSubject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "ConsoleUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyDraft" (
    "id" TEXT NOT NULL,
    "principalArn" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "selection" JSONB NOT NULL,
    "documentText" TEXT,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalAccount" (
    "id" TEXT NOT NULL,
    "alias" TEXT,
    "seededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalIamRole" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "assumeRolePolicyDocument" TEXT NOT NULL,
    "description" TEXT,
    "maxSessionDuration" INTEGER NOT NULL DEFAULT 3600,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedRegion" TEXT,

    CONSTRAINT "LocalIamRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalIamUser" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passwordLastUsed" TIMESTAMP(3),

    CONSTRAINT "LocalIamUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalIamPolicy" (
    "id" TEXT NOT NULL,
    "accountId" TEXT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "description" TEXT,
    "defaultVersionId" TEXT NOT NULL DEFAULT 'v1',
    "nextVersion" INTEGER NOT NULL DEFAULT 2,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalIamPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalIamPolicyVersion" (
    "policyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalIamPolicyVersion_pkey" PRIMARY KEY ("policyId","versionId")
);

-- CreateTable
CREATE TABLE "LocalIamRolePolicyAttachment" (
    "roleId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalIamRolePolicyAttachment_pkey" PRIMARY KEY ("roleId","policyId")
);

-- CreateTable
CREATE TABLE "LocalIamUserPolicyAttachment" (
    "userId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalIamUserPolicyAttachment_pkey" PRIMARY KEY ("userId","policyId")
);

-- CreateTable
CREATE TABLE "LocalIamRoleInlinePolicy" (
    "roleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,

    CONSTRAINT "LocalIamRoleInlinePolicy_pkey" PRIMARY KEY ("roleId","name")
);

-- CreateTable
CREATE TABLE "LocalIamUserInlinePolicy" (
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,

    CONSTRAINT "LocalIamUserInlinePolicy_pkey" PRIMARY KEY ("userId","name")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleUser_username_key" ON "ConsoleUser"("username");

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleUser_oidcSubject_key" ON "ConsoleUser"("oidcSubject");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDraft_principalArn_jobId_key" ON "PolicyDraft"("principalArn", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamRole_arn_key" ON "LocalIamRole"("arn");

-- CreateIndex
CREATE INDEX "LocalIamRole_accountId_path_idx" ON "LocalIamRole"("accountId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamRole_accountId_nameKey_key" ON "LocalIamRole"("accountId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamUser_arn_key" ON "LocalIamUser"("arn");

-- CreateIndex
CREATE INDEX "LocalIamUser_accountId_path_idx" ON "LocalIamUser"("accountId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamUser_accountId_nameKey_key" ON "LocalIamUser"("accountId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamPolicy_arn_key" ON "LocalIamPolicy"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "LocalIamPolicy_accountId_nameKey_key" ON "LocalIamPolicy"("accountId", "nameKey");

-- CreateIndex
CREATE INDEX "LocalIamRolePolicyAttachment_policyId_idx" ON "LocalIamRolePolicyAttachment"("policyId");

-- CreateIndex
CREATE INDEX "LocalIamUserPolicyAttachment_policyId_idx" ON "LocalIamUserPolicyAttachment"("policyId");

-- AddForeignKey
ALTER TABLE "LocalIamRole" ADD CONSTRAINT "LocalIamRole_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LocalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamUser" ADD CONSTRAINT "LocalIamUser_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LocalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamPolicy" ADD CONSTRAINT "LocalIamPolicy_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LocalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamPolicyVersion" ADD CONSTRAINT "LocalIamPolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "LocalIamPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamRolePolicyAttachment" ADD CONSTRAINT "LocalIamRolePolicyAttachment_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "LocalIamRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamRolePolicyAttachment" ADD CONSTRAINT "LocalIamRolePolicyAttachment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "LocalIamPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamUserPolicyAttachment" ADD CONSTRAINT "LocalIamUserPolicyAttachment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "LocalIamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamUserPolicyAttachment" ADD CONSTRAINT "LocalIamUserPolicyAttachment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "LocalIamPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamRoleInlinePolicy" ADD CONSTRAINT "LocalIamRoleInlinePolicy_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "LocalIamRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalIamUserInlinePolicy" ADD CONSTRAINT "LocalIamUserInlinePolicy_userId_fkey" FOREIGN KEY ("userId") REFERENCES "LocalIamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
