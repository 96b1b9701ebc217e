-- CreateTable
CREATE TABLE "PolicyReplacement" (
    "id" TEXT NOT NULL,
    "principalArn" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "keptPolicyArns" JSONB NOT NULL,
    "requested" JSONB NOT NULL,
    "previous" JSONB,
    "detached" JSONB,
    "deletedInline" JSONB,
    "error" TEXT,
    "undoneAt" TIMESTAMP(3),
    "undoneBy" TEXT,

    CONSTRAINT "PolicyReplacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyReplacement_principalArn_createdAt_idx" ON "PolicyReplacement"("principalArn", "createdAt");
