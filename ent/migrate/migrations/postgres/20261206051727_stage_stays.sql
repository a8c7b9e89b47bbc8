-- Modify "stage_changes" table
ALTER TABLE "stage_changes" ADD COLUMN "stay_seconds" bigint NULL;
-- Create index "stagechange_to_stage_stay_seconds" to table: "stage_changes"
CREATE INDEX "stagechange_to_stage_stay_seconds" ON "stage_changes" ("to_stage", "stay_seconds");
-- Create "stage_stays" table
CREATE TABLE "stage_stays" ("id" character varying NOT NULL, "stage" character varying NOT NULL, "day" bigint NOT NULL, "stays" bigint NOT NULL, PRIMARY KEY ("id"));
-- Create index "stagestay_stage_day" to table: "stage_stays"
CREATE UNIQUE INDEX "stagestay_stage_day" ON "stage_stays" ("stage", "day");
