-- Create index "interaction_planned" to table: "interactions"
CREATE INDEX "interaction_planned" ON "interactions" ("occurred_at") WHERE (logged_at IS NULL);
