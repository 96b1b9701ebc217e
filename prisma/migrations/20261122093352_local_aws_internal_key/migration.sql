-- AlterTable
ALTER TABLE "LocalAccount" ADD COLUMN     "internalAccessKeyId" TEXT;
