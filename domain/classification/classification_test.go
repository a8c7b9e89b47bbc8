package classification_test

import (
	"context"
	"fmt"
	"testing"

	"tandem/domain/classification"
	"tandem/domain/domaintest"
	"tandem/ent"
	"tandem/ent/classificationsetting"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// with is the default weights with some changed.
func with(change func(w *classify.Weights)) classify.Weights {
	w := classify.Default
	w.Weight = map[string]float64{}
	for k, v := range classify.Default.Weight {
		w.Weight[k] = v
	}
	change(&w)
	return w
}

func TestValidate(t *testing.T) {
	for _, c := range []struct {
		name  string
		w     classify.Weights
		field string // "" = accepted
	}{
		{"defaults", classify.Default, ""},
		{"a zero weight", with(func(w *classify.Weights) { w.Weight["credit"] = 0 }), ""},
		{"A equals B", with(func(w *classify.Weights) { w.TierA, w.TierB = 3, 3 }), ""},
		{"extremes", with(func(w *classify.Weights) { w.TierA, w.TierB, w.MinInputs = 5, 1, 5 }), ""},
		{"negative weight", with(func(w *classify.Weights) { w.Weight["demand"] = -1 }), "weightDemand"},
		{"missing weight", with(func(w *classify.Weights) { delete(w.Weight, "scale") }), "weightScale"},
		{"all zero", with(func(w *classify.Weights) {
			for k := range w.Weight {
				w.Weight[k] = 0
			}
		}), "weights"},
		{"A above 5", with(func(w *classify.Weights) { w.TierA = 5.1 }), "tierA"},
		{"A below 1", with(func(w *classify.Weights) { w.TierA, w.TierB = 0.9, 0.5 }), "tierA"},
		{"B below 1", with(func(w *classify.Weights) { w.TierB = 0 }), "tierB"},
		{"B above A", with(func(w *classify.Weights) { w.TierA, w.TierB = 3, 3.5 }), "tierB"},
		{"no ratings needed", with(func(w *classify.Weights) { w.MinInputs = 0 }), "minInputs"},
		{"six ratings needed", with(func(w *classify.Weights) { w.MinInputs = 6 }), "minInputs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := classification.Validate(c.w)
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e, ok := errcode.As(err)
			if !ok || e.Code != errcode.BadUserInput || e.Details["field"] != c.field {
				t.Fatalf("want BAD_USER_INPUT on %s, got %v", c.field, err)
			}
		})
	}
}

// Until an admin saves, the stored row follows the environment at every start; after,
// the stored weights win.
func TestStartPrecedence(t *testing.T) {
	c, ctx := domaintest.Open(t)
	env := with(func(w *classify.Weights) { w.Weight["demand"] = 4 })
	w, err := classification.Start(ctx, c, env)
	if err != nil || w.Weight["demand"] != 4 {
		t.Fatalf("first start: %+v %v", w, err)
	}
	row := c.ClassificationSetting.Query().OnlyX(ctx)
	if row.Source != classificationsetting.SourceENVIRONMENT || row.WeightDemand != 4 {
		t.Fatalf("row made at the first start: %+v", row)
	}
	if w, _ := classification.Start(ctx, c, classify.Default); w.Weight["demand"] != 2 || c.ClassificationSetting.Query().OnlyX(ctx).WeightDemand != 2 {
		t.Fatalf("a changed environment before any save: %+v", w)
	}
	admin := adminCtx(t, c, ctx)
	saved, err := classification.Save(admin, c, env, c.ClassificationSetting.Query().OnlyX(ctx).Version)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := classification.Start(ctx, c, classify.Default); w.Weight["demand"] != 4 || saved.Setting.Source != classificationsetting.SourceADMIN {
		t.Fatalf("after a save the environment won: %+v", w)
	}
	classify.Set(classify.Default)
}

func adminCtx(t *testing.T, c *ent.Client, ctx context.Context) context.Context {
	t.Helper()
	u := c.User.Create().SetEmail("admin@t.test").SetName("Admin").SetRole(user.RoleADMIN).SetPasswordHash("x").SaveX(ctx)
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, Role: viewer.Admin, Label: "Admin"})
}

// Save: admins only, with the version read; it re-scores and counts tier changes.
func TestSave(t *testing.T) {
	c, ctx := domaintest.Open(t)
	t.Cleanup(func() { classify.Set(classify.Default) })
	if _, err := classification.Start(ctx, c, classify.Default); err != nil {
		t.Fatal(err)
	}
	strong := c.Customer.Create().SetName("宁波华塑").SetScale(5).SetTechnicalLevel(5).SetCredit(1).SetDemand(1).SetEaseOfClosing(1).SaveX(ctx)
	version := c.ClassificationSetting.Query().OnlyX(ctx).Version
	w := with(func(w *classify.Weights) { w.Weight["scale"], w.Weight["technical_level"], w.TierA = 4, 4, 3.4 })

	rep := c.User.Create().SetEmail("rep@t.test").SetName("Rep").SetRole(user.RoleREP).SetPasswordHash("x").SaveX(ctx)
	repCtx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: rep.ID, Role: viewer.Rep})
	if _, err := classification.Save(repCtx, c, w, version); !errcode.Is(err, errcode.Forbidden) {
		t.Fatalf("a rep saved: %v", err)
	}
	admin := adminCtx(t, c, ctx)
	if _, err := classification.Save(admin, c, with(func(w *classify.Weights) { w.MinInputs = 9 }), version); !errcode.Is(err, errcode.BadUserInput) {
		t.Fatalf("bad weights saved: %v", err)
	}
	saved, err := classification.Save(admin, c, w, version)
	if err != nil || saved.ChangedTier != 1 || saved.Setting.Version != version+1 {
		t.Fatalf("save: %+v %v", saved, err)
	}
	if got := c.Customer.GetX(ctx, strong.ID); got.Tier == nil || *got.Tier != customer.TierA {
		t.Fatalf("tier after the save: %v", got.Tier)
	}
	if _, err := classification.Save(admin, c, w, version); !errcode.Is(err, errcode.Conflict) {
		t.Fatalf("stale version: %v", err)
	}
}

// Rescore reads every page, counts only tier changes and writes nothing the second time.
func TestRescore(t *testing.T) {
	c, ctx := domaintest.Open(t)
	t.Cleanup(func() { classify.Set(classify.Default) })
	const n = 520 // more than a page
	bulk := make([]*ent.CustomerCreate, n)
	for i := range bulk {
		b := c.Customer.Create().SetName(fmt.Sprintf("客户 %03d", i))
		if i%2 == 0 { // C by default, A when scale and technical level weigh most
			b.SetScale(5).SetTechnicalLevel(5).SetCredit(1).SetDemand(1).SetEaseOfClosing(1)
		} else { // 4 on all: A either way
			b.SetScale(4).SetTechnicalLevel(4).SetCredit(4).SetDemand(4).SetEaseOfClosing(4)
		}
		bulk[i] = b
	}
	c.Customer.CreateBulk(bulk...).ExecX(ctx)
	w := with(func(w *classify.Weights) { w.Weight["scale"], w.Weight["technical_level"], w.TierA = 4, 4, 3.4 })
	for _, c2 := range []struct {
		name string
		w    classify.Weights
		want int
	}{
		{"new weights", w, n / 2},
		{"same again", w, 0},
		{"back to the defaults", classify.Default, n / 2},
	} {
		got, err := classification.Rescore(ctx, c, c2.w)
		if err != nil || got != c2.want {
			t.Fatalf("%s: %d accounts changed tier (%v), want %d", c2.name, got, err, c2.want)
		}
	}
	if a := c.Customer.Query().Where(customer.TierEQ(customer.TierA)).CountX(ctx); a != n/2 {
		t.Fatalf("%d accounts in A under the defaults, want %d", a, n/2)
	}
}
