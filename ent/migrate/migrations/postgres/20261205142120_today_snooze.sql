-- Create "snoozes" table
CREATE TABLE "snoozes" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "node_id" character varying NOT NULL, "until" timestamptz NOT NULL, "owner_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "snoozes_users_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "snooze_owner_id_kind_node_id" to table: "snoozes"
CREATE UNIQUE INDEX "snooze_owner_id_kind_node_id" ON "snoozes" ("owner_id", "kind", "node_id");
