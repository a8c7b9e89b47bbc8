package importer

import (
	"context"
	"strings"
	"time"

	"tandem/ent"
	"tandem/ent/keyperson"
	"tandem/ent/schema/names"
	"tandem/ent/viewer"
)

var decisionRoles = map[string]keyperson.DecisionRole{
	"决策者": "DECISION_MAKER", "决策人": "DECISION_MAKER", "decisionmaker": "DECISION_MAKER",
	"影响者": "INFLUENCER", "影响人": "INFLUENCER", "influencer": "INFLUENCER",
	"把关者": "GATEKEEPER", "守门人": "GATEKEEPER", "gatekeeper": "GATEKEEPER",
	"使用者": "USER", "用户": "USER", "user": "USER",
	"技术评估": "TECHNICAL_EVALUATOR", "技术评估者": "TECHNICAL_EVALUATOR", "technicalevaluator": "TECHNICAL_EVALUATOR",
}

var attitudes = map[string]keyperson.Attitude{
	"支持者": "CHAMPION", "支持者内线": "CHAMPION", "内线": "CHAMPION", "倡导者": "CHAMPION", "champion": "CHAMPION",
	"支持": "SUPPORTER", "supporter": "SUPPORTER",
	"中立": "NEUTRAL", "neutral": "NEUTRAL",
	"怀疑": "SKEPTIC", "skeptic": "SKEPTIC",
	"反对": "OPPONENT", "opponent": "OPPONENT",
}

// keyPersonBook: a key person matches on (account, contact, role, from-date); a row
// without a from-date matches the contact's active key role.
type keyPersonBook struct {
	accounts accountIndex
	contacts map[string]*ent.Contact // contactKeys of every contact read
	byKey    map[string]*ent.KeyPerson
	seen     firstSeen
}

func kpKey(contactID string, role keyperson.DecisionRole, from string) string {
	return contactID + "|" + string(role) + "|" + from
}

func (b *keyPersonBook) load(ctx context.Context, c *ent.Client, _ *viewer.Viewer) error {
	var err error
	b.seen, b.contacts, b.byKey = firstSeen{}, map[string]*ent.Contact{}, map[string]*ent.KeyPerson{}
	if b.accounts, err = loadAccounts(ctx, c); err != nil {
		return err
	}
	cs, err := c.Contact.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, co := range cs {
		for _, k := range contactKeys(co.CustomerID, co.Mobile, co.Email, co.Name) {
			if _, taken := b.contacts[k]; !taken {
				b.contacts[k] = co
			}
		}
	}
	kps, err := c.KeyPerson.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, kp := range kps {
		b.byKey[kpKey(string(kp.ContactID), kp.DecisionRole, kp.ActiveFrom.UTC().Format("2006-01-02"))] = kp
		if kp.ActiveTo == nil {
			b.byKey[kpKey(string(kp.ContactID), kp.DecisionRole, "")] = kp
		}
	}
	return nil
}

func (b *keyPersonBook) check(v values) (RowResult, write) {
	cu, bad := b.accounts.account(v)
	if bad != nil {
		return *bad, nil
	}
	person, bad := required(v, "contact")
	if bad != nil {
		return *bad, nil
	}
	var co *ent.Contact
	for _, k := range []string{string(cu.ID) + "|m:" + digits(person), string(cu.ID) + "|e:" + strings.ToLower(person), string(cu.ID) + "|n:" + names.Fold(person)} {
		if co = b.contacts[k]; co != nil {
			break
		}
	}
	if co == nil {
		return refuse(v.cell("contact"), text("这个客户没有这位联系人（请先导入联系人）", "no such contact at this account (import the contacts first)"))
	}
	rawRole, bad := required(v, "role")
	if bad != nil {
		return *bad, nil
	}
	role, ok := decisionRoles[NormalizeHeader(rawRole)]
	if !ok {
		if keyperson.DecisionRoleValidator(keyperson.DecisionRole(strings.ToUpper(rawRole))) != nil {
			return refuse(v.cell("role"), text("不认识的角色（决策者、影响者、把关者、使用者、技术评估）", "unknown role (decision maker, influencer, gatekeeper, user, technical evaluator)"))
		}
		role = keyperson.DecisionRole(strings.ToUpper(rawRole))
	}
	attitude := keyperson.Attitude("")
	if s, cell := v.get("attitude"); s != "" {
		a, ok := attitudes[NormalizeHeader(s)]
		if !ok {
			return refuse(cell, text("不认识的态度（支持者、支持、中立、怀疑、反对）", "unknown attitude (champion, supporter, neutral, skeptic, opponent)"))
		}
		attitude = a
	}
	var from *time.Time
	day := ""
	if s, cell := v.get("from"); s != "" {
		at, why, ok := ParseDate(s)
		if !ok {
			return refuse(cell, why)
		}
		from, day = &at, at.Format("2006-01-02")
	}
	key := kpKey(string(co.ID), role, day)
	if r, dup := b.seen.again([]string{key}, v.row.Num); dup {
		return r, nil
	}
	res := RowResult{Key: cu.Name + " " + co.Name + " " + string(role) + " " + day}
	needs, _ := v.get("needs")
	if kp := b.byKey[key]; kp != nil {
		res.MatchID, res.MatchName = string(kp.ID), co.Name
		if (attitude == "" || kp.Attitude == attitude) && (needs == "" || same(kp.ProfessionalNeeds, needs)) {
			res.Action = Unchanged
			return res, nil
		}
		res.Action = Update
		id := kp.ID
		return res, func(ctx context.Context, c *ent.Client) error {
			u := c.KeyPerson.UpdateOneID(id)
			if attitude != "" {
				u.SetAttitude(attitude)
			}
			if needs != "" {
				u.SetProfessionalNeeds(needs)
			}
			return u.Exec(ctx)
		}
	}
	res.Action = Create
	customerID, contactID := cu.ID, co.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		q := c.KeyPerson.Create().SetCustomerID(customerID).SetContactID(contactID).SetDecisionRole(role).SetProfessionalNeeds(needs)
		if attitude != "" {
			q.SetAttitude(attitude)
		}
		if from != nil {
			q.SetActiveFrom(*from)
		}
		return q.Exec(ctx)
	}
}
