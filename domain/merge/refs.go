// Package merge folds a duplicate account (or contact) into the one that stays, and
// makes a manager's changes to many accounts at once. A merge is one transaction:
// the merged row becomes a tombstone (merged_into_id), every row that referred to it
// refers to the survivor, the survivor keeps the field values a person chose, and an
// AccountChange on the survivor's timeline says who merged what, when and why.
package merge

import (
	"context"
	"fmt"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/schema/pulid"
)

// Ref is a column that refers to an account or a contact.
type Ref struct{ Table, Column string }

// AccountRefs are every column that refers to an account (customers.id): a merge
// moves each of them to the survivor. TestMergeMovesEveryForeignKey walks ent's
// schema and fails when a foreign key to customers is missing here. merged_into_id
// is no foreign key, but an account merged into the merged one now leads to the survivor.
var AccountRefs = []Ref{
	{"account_changes", "customer_id"}, {"api_tokens", "customer_id"}, {"assistances", "customer_id"},
	{"change_notice_acks", "customer_id"}, {"competitors", "customer_id"}, {"contacts", "customer_id"},
	{"customers", "referrer_customer_id"}, {"customers", "merged_into_id"}, {"documents", "customer_id"},
	{"interactions", "customer_id"}, {"issues", "customer_id"}, {"issue_attachments", "customer_id"},
	{"issue_events", "customer_id"}, {"key_persons", "customer_id"}, {"market_info_shares", "customer_id"},
	{"needs", "customer_id"}, {"orders", "customer_id"}, {"order_events", "customer_id"},
	{"order_lines", "customer_id"}, {"pitches", "customer_id"}, {"quotations", "customer_id"}, {"quotation_lines", "customer_id"}, {"projects", "customer_id"}, {"project_members", "customer_id"}, {"project_milestones", "customer_id"}, {"project_documents", "customer_id"}, {"media_notes", "customer_id"}, {"samples", "customer_id"},
	{"sample_events", "customer_id"}, {"service_documents", "customer_id"}, {"shipments", "customer_id"},
	{"stage_changes", "customer_id"}, {"tasks", "customer_id"}, {"tracking_events", "customer_id"},
	{"trials", "customer_id"}, {"users", "partner_customer_id"}, {"webhook_deliveries", "customer_id"},
	{"webhook_endpoints", "customer_id"},
}

// ContactRefs are every column that refers to a contact (contacts.id).
var ContactRefs = []Ref{
	{"customers", "referrer_contact_id"}, {"key_persons", "contact_id"}, {"market_info_shares", "contact_id"},
	{"interaction_their_participants", "contact_id"}, {"contacts", "merged_into_id"},
}

// unique are the rows that exist once per pair: before moving, the merged side's
// duplicates go (the survivor's row stays; an acknowledged change notice is kept
// over an open one, so a merge never undoes an acknowledgement).
var unique = map[Ref][]string{
	{"change_notice_acks", "customer_id"}: {
		`DELETE FROM change_notice_acks WHERE customer_id = $1 AND acknowledged_at IS NULL AND change_notice_id IN
		 (SELECT change_notice_id FROM change_notice_acks WHERE customer_id = $2 AND acknowledged_at IS NOT NULL)`,
		`DELETE FROM change_notice_acks WHERE customer_id = $2 AND change_notice_id IN
		 (SELECT change_notice_id FROM change_notice_acks WHERE customer_id = $1)`,
	},
	{"interaction_their_participants", "contact_id"}: {
		`DELETE FROM interaction_their_participants WHERE contact_id = $2 AND interaction_id IN
		 (SELECT interaction_id FROM interaction_their_participants WHERE contact_id = $1)`,
	},
}

// stays are the merged side's rows that do not move: its first StageChange
// ("→ PROSPECT", written when the duplicate was created) would be a second start on
// the survivor's timeline, which has its own. It stays with the merged account's
// tombstone — history is kept, never deleted. Count leaves them out too.
var stays = map[Ref]string{
	{"stage_changes", "customer_id"}: "from_stage IS NULL",
}

// moveRefs points every ref from merged to survivor and counts the rows per table.
// It runs as the server (the viewer's right to both rows was checked before): the
// rows are history, moved as they are, and several columns are immutable to clients.
func moveRefs(ctx context.Context, c *gen.Client, refs []Ref, survivor, merged pulid.ID) (map[string]int, error) {
	sys := access.System(ctx, "merge: the merged row's references move to the survivor")
	moved := map[string]int{}
	for _, r := range refs {
		for _, q := range unique[r] {
			if _, err := c.ExecContext(sys, q, string(survivor), string(merged)); err != nil {
				return nil, fmt.Errorf("merge: %s: %w", r.Table, err)
			}
		}
		where := r.Column + " = $2"
		if cond, ok := stays[r]; ok {
			where += " AND NOT (" + cond + ")"
		}
		res, err := c.ExecContext(sys, fmt.Sprintf(`UPDATE %s SET %s = $1 WHERE %s`, r.Table, r.Column, where),
			string(survivor), string(merged))
		if err != nil {
			return nil, fmt.Errorf("merge: %s.%s: %w", r.Table, r.Column, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			moved[r.Table] += int(n)
		}
	}
	return moved, nil
}

// Count is what a merge would move: rows per table that refer to the merged row.
func Count(ctx context.Context, c *gen.Client, refs []Ref, merged pulid.ID) (map[string]int, error) {
	sys := access.System(ctx, "merge preview: counting what would move")
	out := map[string]int{}
	for _, r := range refs {
		if r.Column == "merged_into_id" {
			continue
		}
		where := r.Column + " = $1"
		if cond, ok := stays[r]; ok {
			where += " AND NOT (" + cond + ")"
		}
		rows, err := c.QueryContext(sys, fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s`, r.Table, where), string(merged))
		if err != nil {
			return nil, err
		}
		var n int
		if rows.Next() {
			err = rows.Scan(&n)
		}
		rows.Close()
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out[r.Table] += n
		}
	}
	return out, nil
}
