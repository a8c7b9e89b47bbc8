-- Modify "samples" table
ALTER TABLE "samples" ADD COLUMN "reached" bigint NOT NULL DEFAULT 0;
