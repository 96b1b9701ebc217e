-- CreateEnum
CREATE TYPE "GenerationStatus" AS ENUM ('IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- CreateEnum
CREATE TYPE "TrailSourceKind" AS ENUM ('S3', 'LOCAL');

-- CreateTable
CREATE TABLE "GenerationJob" (
    "id" UUID NOT NULL,
    "principalArn" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "trails" JSONB NOT NULL,
    "accessRole" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "status" "GenerationStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "startedOn" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedOn" TIMESTAMP(3),
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "progress" JSONB,
    "idempotencyKey" TEXT,
    "clientToken" TEXT,
    "requestHash" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "cancelRequestedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "workerId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GenerationJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GenerationResult" (
    "jobId" UUID NOT NULL,
    "usage" JSONB NOT NULL,
    "stats" JSONB NOT NULL,
    "warnings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GenerationResult_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "ActiveGeneratedPolicy" (
    "principalArn" TEXT NOT NULL,
    "jobId" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActiveGeneratedPolicy_pkey" PRIMARY KEY ("principalArn")
);

-- CreateTable
CREATE TABLE "Trail" (
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "homeRegion" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "orgId" TEXT,
    "sourceKind" "TrailSourceKind" NOT NULL,
    "bucket" TEXT,
    "prefix" TEXT,
    "endpoint" TEXT,
    "bucketRegion" TEXT,
    "localDir" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trail_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "accessKeyId" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GenerationJob_idempotencyKey_key" ON "GenerationJob"("idempotencyKey");

-- CreateIndex
CREATE INDEX "GenerationJob_principalArn_startedOn_idx" ON "GenerationJob"("principalArn", "startedOn");

-- CreateIndex
CREATE INDEX "GenerationJob_startedOn_idx" ON "GenerationJob"("startedOn");

-- CreateIndex
CREATE INDEX "GenerationJob_status_heartbeatAt_idx" ON "GenerationJob"("status", "heartbeatAt");

-- CreateIndex
CREATE INDEX "GenerationJob_accountId_status_idx" ON "GenerationJob"("accountId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ActiveGeneratedPolicy_jobId_key" ON "ActiveGeneratedPolicy"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_accessKeyId_key" ON "ApiKey"("accessKeyId");

-- AddForeignKey
ALTER TABLE "GenerationResult" ADD CONSTRAINT "GenerationResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "GenerationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActiveGeneratedPolicy" ADD CONSTRAINT "ActiveGeneratedPolicy_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "GenerationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
