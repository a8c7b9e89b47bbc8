package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"tandem/ent"
	"tandem/ent/interaction"
	"tandem/ent/viewer"
)

// interactionKinds reads the type column: the codes and what people write.
var interactionKinds = map[string]interaction.Kind{
	"电话": "PHONE", "phone": "PHONE", "call": "PHONE", "phonecall": "PHONE",
	"拜访": "VISIT", "走访": "VISIT", "上门": "VISIT", "visit": "VISIT",
	"邮件": "EMAIL", "email": "EMAIL", "mail": "EMAIL",
	"微信": "CHAT", "聊天": "CHAT", "微信聊天": "CHAT", "chat": "CHAT", "wechat": "CHAT",
	"会议": "MEETING", "meeting": "MEETING",
	"礼品": "GIFT", "送礼": "GIFT", "gift": "GIFT",
	"聚会": "GATHERING", "聚餐": "GATHERING", "gathering": "GATHERING",
	"展会": "TRADE_SHOW", "tradeshow": "TRADE_SHOW",
}

// interactionBook: an interaction matches on (account, day, type, summary).
type interactionBook struct {
	accounts accountIndex
	users    userIndex
	v        *viewer.Viewer
	byKey    map[string]*ent.Interaction
	seen     firstSeen
}

func interactionKey(customerID string, day string, kind interaction.Kind, summary string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(summary)))
	return customerID + "|" + day + "|" + string(kind) + "|" + hex.EncodeToString(sum[:8])
}

func (b *interactionBook) load(ctx context.Context, c *ent.Client, v *viewer.Viewer) error {
	var err error
	b.v, b.seen, b.byKey = v, firstSeen{}, map[string]*ent.Interaction{}
	if b.accounts, err = loadAccounts(ctx, c); err != nil {
		return err
	}
	if b.users, err = loadUsers(ctx, c); err != nil {
		return err
	}
	is, err := c.Interaction.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, in := range is {
		b.byKey[interactionKey(string(in.CustomerID), in.OccurredAt.UTC().Format("2006-01-02"), in.Kind, in.Summary)] = in
	}
	return nil
}

func (b *interactionBook) check(v values) (RowResult, write) {
	cu, bad := b.accounts.account(v)
	if bad != nil {
		return *bad, nil
	}
	rawDate, bad := required(v, "date")
	if bad != nil {
		return *bad, nil
	}
	at, why, ok := ParseDate(rawDate)
	if !ok {
		return refuse(v.cell("date"), why)
	}
	rawKind, bad := required(v, "kind")
	if bad != nil {
		return *bad, nil
	}
	kind, ok := interactionKinds[NormalizeHeader(rawKind)]
	if !ok {
		if interaction.KindValidator(interaction.Kind(strings.ToUpper(rawKind))) == nil {
			kind = interaction.Kind(strings.ToUpper(rawKind))
		} else {
			return refuse(v.cell("kind"), text("不认识的类型（电话、拜访、邮件、微信、会议、礼品、聚会、展会）", "unknown type (phone, visit, email, chat, meeting, gift, gathering, trade show)"))
		}
	}
	summary, _ := v.get("summary")
	key := interactionKey(string(cu.ID), at.Format("2006-01-02"), kind, summary)
	if r, dup := b.seen.again([]string{key}, v.row.Num); dup {
		return r, nil
	}
	res := RowResult{Key: cu.Name + " " + at.Format("2006-01-02") + " " + string(kind)}
	if in := b.byKey[key]; in != nil {
		res.Action, res.MatchID, res.MatchName = Unchanged, string(in.ID), cu.Name
		return res, nil
	}
	// The author is checked for a new interaction only: an unchanged one keeps its
	// author, who may be outside the importer's team.
	var author *ent.User
	if s, cell := v.get("author"); s != "" {
		u, msg := b.users.find(s, b.v)
		if u == nil {
			return refuse(cell, msg)
		}
		author = u
	}
	res.Action = Create
	customerID := cu.ID
	findings, _ := v.get("findings")
	next, _ := v.get("nextStep")
	return res, func(ctx context.Context, c *ent.Client) error {
		q := c.Interaction.Create().SetCustomerID(customerID).SetKind(kind).SetOccurredAt(at).
			SetSummary(summary).SetFindings(findings).SetNextStep(next)
		if author != nil {
			q.SetAuthorID(author.ID)
		} else {
			q.SetAuthorID(b.v.UserID)
		}
		return q.Exec(ctx)
	}
}
