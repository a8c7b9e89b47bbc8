package quotation

import (
	"context"
	"strconv"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/errcode"
	q "tandem/ent/quotation"
	"tandem/ent/quotationline"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

const kind = "quotation"

// what names a quotation in messages.
func what(qt *gen.Quotation) string { return "quotation " + label(qt) }

func label(qt *gen.Quotation) string {
	if qt.Revision > 1 {
		return qt.Number + " rev. " + strconv.Itoa(qt.Revision)
	}
	return qt.Number
}

// Create writes a new draft with the ID given (the caller's, for clientMutationId).
func Create(ctx context.Context, c *gen.Client, id pulid.ID, d Draft, now time.Time) (*gen.Quotation, error) {
	d.Normalize()
	if err := d.Check(); err != nil {
		return nil, err
	}
	if err := sampleOfAccount(ctx, c, d.SampleID, d.CustomerID); err != nil {
		return nil, err
	}
	cr := c.Quotation.Create().SetID(id).SetCustomerID(d.CustomerID).SetNumber(Number(id, now))
	setTerms(cr.Mutation(), d.Terms)
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		cr.SetCreatedByID(v.UserID)
	}
	qt, err := cr.Save(move.Mark(ctx, kind, id))
	if err != nil {
		return nil, err
	}
	return qt, writeLines(ctx, c, qt, d.Lines)
}

// Replace rewrites a draft's terms and lines (only a draft is edited: what was sent
// is revised instead).
func Replace(ctx context.Context, c *gen.Client, id pulid.ID, version *int, d Draft) (*gen.Quotation, error) {
	qt, err := c.Quotation.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := move.Stale(what(qt), qt.Version, version); err != nil {
		return nil, err
	}
	if qt.Status != q.StatusDRAFT {
		return nil, move.ChangedOn(what(qt), "status", string(qt.Status)).
			With("hint", "only a draft is edited; revise a quotation that was sent (reviseQuotation)")
	}
	d.CustomerID = qt.CustomerID
	d.Normalize()
	if err := d.Check(); err != nil {
		return nil, err
	}
	if err := sampleOfAccount(ctx, c, d.SampleID, qt.CustomerID); err != nil {
		return nil, err
	}
	up := c.Quotation.UpdateOneID(id).Where(q.StatusEQ(q.StatusDRAFT)).SetVersion(qt.Version)
	setTerms(up.Mutation(), d.Terms)
	if d.SampleID == nil {
		up.ClearSampleID()
	}
	if d.Incoterm == nil {
		up.ClearIncoterm()
	}
	if d.PaymentDays == nil {
		up.ClearPaymentDays()
	}
	qt, err = up.Save(move.Mark(ctx, kind, id))
	if err != nil {
		return nil, err
	}
	if _, err := c.QuotationLine.Delete().Where(quotationline.QuotationID(id)).
		Exec(move.Mark(access.System(ctx, "replacing a draft quotation's lines"), kind, id)); err != nil {
		return nil, err
	}
	return qt, writeLines(ctx, c, qt, d.Lines)
}

// Delete deletes a draft (with its lines); anything sent stays on record.
func Delete(ctx context.Context, c *gen.Client, id pulid.ID, version *int) error {
	qt, err := c.Quotation.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := move.Stale(what(qt), qt.Version, version); err != nil {
		return err
	}
	if qt.Status != q.StatusDRAFT {
		return move.ChangedOn(what(qt), "status", string(qt.Status)).With("hint", "only a draft is deleted; what was sent stays on record")
	}
	marked := move.Mark(ctx, kind, id)
	if _, err := c.QuotationLine.Delete().Where(quotationline.QuotationID(id)).
		Exec(move.Mark(access.System(ctx, "deleting a draft quotation's lines"), kind, id)); err != nil {
		return err
	}
	err = c.Quotation.DeleteOneID(id).Where(q.StatusEQ(q.StatusDRAFT), q.Version(qt.Version)).Exec(marked)
	if gen.IsNotFound(err) {
		return errcode.New(errcode.Conflict, "%s was changed since you read it; reload it", what(qt))
	}
	return err
}

// Send offers a draft to the customer. Its period must not be over; the revision it
// replaces, if still awaiting an answer, is SUPERSEDED (an agreement in force stays
// in force until the revision is accepted).
func Send(ctx context.Context, c *gen.Client, id pulid.ID, version *int, now time.Time) (*gen.Quotation, error) {
	qt, err := c.Quotation.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := move.Stale(what(qt), qt.Version, version); err != nil {
		return nil, err
	}
	if err := may(qt, q.StatusSENT); err != nil {
		return nil, err
	}
	if !qt.ValidUntil.After(now) {
		return nil, bad("validUntil", "the period ended on %s: change it before sending", day(qt.ValidUntil))
	}
	n, err := c.QuotationLine.Query().Where(quotationline.QuotationID(id)).Count(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, bad("lines", "a quotation needs at least one product and price")
	}
	qt, err = moveTo(ctx, c, qt, q.StatusSENT, func(u *gen.QuotationUpdateOne) { u.SetSentAt(now.UTC()) })
	if err != nil {
		return nil, err
	}
	return qt, endPrevious(ctx, c, qt, q.StatusSENT)
}

// Decision is the customer's answer: accepted or not, who said so, and why.
type Decision struct {
	Accept bool
	By     string
	Note   string
}

// Decide records the customer's answer to a sent quotation. An accepted quotation is
// the customer's price agreement for its period, and ends the agreement of the
// revision it replaces. Our people record the answer in the app; a partner token with
// quotations:write sends its own organisation's (another's is NOT_FOUND). An answer
// after the period is refused with CONFLICT: the quotation has expired.
func Decide(ctx context.Context, c *gen.Client, id pulid.ID, version *int, d Decision, now time.Time) (*gen.Quotation, error) {
	d.By, d.Note = strings.TrimSpace(d.By), strings.TrimSpace(d.Note)
	if d.By == "" {
		return nil, bad("decidedBy", "name who at the customer answered")
	}
	if len([]rune(d.By)) > 120 {
		return nil, bad("decidedBy", "at most 120 characters")
	}
	if len([]rune(d.Note)) > 500 {
		return nil, bad("note", "at most 500 characters")
	}
	write, partner, err := access.PartnerWrite(ctx, "quotations:write", "answering a quotation")
	if err != nil {
		return nil, err
	}
	qt, err := c.Quotation.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if partner && qt.CustomerID != viewer.FromContext(ctx).CustomerID {
		return nil, errcode.New(errcode.NotFound, "no quotation %s", id).With("field", "id")
	}
	if err := move.Stale(what(qt), qt.Version, version); err != nil {
		return nil, err
	}
	to := q.StatusREJECTED
	if d.Accept {
		to = q.StatusACCEPTED
	}
	if err := may(qt, to); err != nil {
		return nil, err
	}
	if now.After(qt.ValidUntil) {
		// Refused (the expiry job records EXPIRED; a write here would roll back with
		// the refused mutation).
		return nil, errcode.New(errcode.Conflict, "%s expired on %s: revise it to offer the prices again", what(qt), day(qt.ValidUntil)).
			With("field", "status").With("currentStatus", string(q.StatusEXPIRED))
	}
	via := q.DecidedViaAPP
	if partner {
		via = q.DecidedViaPARTNER_API
	}
	qt, err = moveTo(write, c, qt, to, func(u *gen.QuotationUpdateOne) {
		u.SetDecidedAt(now.UTC()).SetDecidedBy(d.By).SetDecisionNote(d.Note).SetDecidedVia(via)
	})
	if err != nil {
		return nil, err
	}
	if d.Accept {
		return qt, endPrevious(write, c, qt, q.StatusACCEPTED)
	}
	return qt, nil
}

// Revise starts the next revision of a quotation that was sent: a draft with its
// terms and lines, to change and send. A quotation has one revision at a time.
func Revise(ctx context.Context, c *gen.Client, id, newID pulid.ID, now time.Time) (*gen.Quotation, error) {
	qt, err := c.Quotation.Query().Where(q.ID(id)).WithLines().Only(ctx)
	if err != nil {
		return nil, err
	}
	if qt.Status == q.StatusDRAFT || qt.Status == q.StatusSUPERSEDED {
		return nil, errcode.New(errcode.BadUserInput, "%s is %s: only a quotation that was sent and not replaced is revised", what(qt), qt.Status).
			With("field", "id").With("currentStatus", string(qt.Status))
	}
	sys := access.System(ctx, "a quotation has one revision at a time")
	if later, err := c.Quotation.Query().Where(q.PreviousID(id)).First(sys); err == nil {
		return nil, errcode.New(errcode.Conflict, "%s already has a revision (%s, %s)", what(qt), label(later), later.Status).
			With("field", "id").With("revision", string(later.ID))
	} else if !gen.IsNotFound(err) {
		return nil, err
	}
	cr := c.Quotation.Create().SetID(newID).SetCustomerID(qt.CustomerID).SetNumber(qt.Number).
		SetRevision(qt.Revision + 1).SetPreviousID(qt.ID)
	t := Terms{CustomerID: qt.CustomerID, SampleID: optID(qt.SampleID), Currency: qt.Currency, Incoterm: qt.Incoterm,
		IncotermPlace: qt.IncotermPlace, PaymentDays: qt.PaymentDays, PaymentTerms: qt.PaymentTerms,
		ValidFrom: qt.ValidFrom, ValidUntil: qt.ValidUntil, Notes: qt.Notes}
	if !t.ValidUntil.After(now) {
		// An expired offer's period is moved to start today, as long as it was.
		span := t.ValidUntil.Sub(t.ValidFrom)
		t.ValidFrom = now.UTC().Truncate(24 * time.Hour)
		t.ValidUntil = t.ValidFrom.Add(span)
	}
	setTerms(cr.Mutation(), t)
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		cr.SetCreatedByID(v.UserID)
	}
	next, err := cr.Save(move.Mark(ctx, kind, newID))
	if err != nil {
		return nil, err
	}
	lines := make([]Line, len(qt.Edges.Lines))
	for i, l := range qt.Edges.Lines {
		lines[i] = Line{ProductID: l.ProductID, Grade: l.Grade, MinQuantity: l.MinQuantity, Unit: l.Unit, UnitPrice: l.UnitPrice, Note: l.Note}
	}
	return next, writeLines(ctx, c, next, lines)
}

// Expire moves every sent quotation whose period is over to EXPIRED (the periodic
// job, every 10 minutes; an answer in between is refused already).
func Expire(ctx context.Context, c *gen.Client, now time.Time) (int, error) {
	sys := access.System(ctx, "quotations whose period is over expire")
	due, err := c.Quotation.Query().Where(q.StatusEQ(q.StatusSENT), q.ValidUntilLT(now)).Limit(500).All(sys)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, qt := range due {
		if _, err := moveTo(sys, c, qt, q.StatusEXPIRED, nil); err != nil {
			if errcode.Is(err, errcode.Conflict) {
				continue // answered meanwhile
			}
			return n, err
		}
		n++
	}
	return n, nil
}

// moveTo moves a quotation on, conditional on the status and version read: of two
// concurrent moves one wins, the other gets CONFLICT naming the status now.
func moveTo(ctx context.Context, c *gen.Client, qt *gen.Quotation, to q.Status, set func(*gen.QuotationUpdateOne)) (*gen.Quotation, error) {
	u := c.Quotation.UpdateOneID(qt.ID).Where(q.StatusEQ(qt.Status)).SetVersion(qt.Version).SetStatus(to)
	if set != nil {
		set(u)
	}
	out, err := u.Save(move.Mark(ctx, kind, qt.ID))
	if err != nil {
		return nil, move.Meanwhile(ctx, err, string(qt.Status), func(ctx context.Context) (string, error) {
			cur, err := c.Quotation.Get(ctx, qt.ID)
			if err != nil {
				return "", err
			}
			return string(cur.Status), nil
		}, func(cur string) error { return move.MovedOn(what(qt), cur, Table.Next(cur)) })
	}
	return out, nil
}

// endPrevious supersedes the revision qt replaces when it is at status `when` (SENT:
// the offer waiting for an answer; ACCEPTED: the agreement in force).
func endPrevious(ctx context.Context, c *gen.Client, qt *gen.Quotation, now q.Status) error {
	if qt.PreviousID == "" {
		return nil
	}
	sys := access.System(ctx, "a revision replaces the quotation before it")
	prev, err := c.Quotation.Get(sys, qt.PreviousID)
	if err != nil {
		return err
	}
	if prev.Status != q.StatusSENT && !(now == q.StatusACCEPTED && prev.Status == q.StatusACCEPTED) {
		return nil
	}
	_, err = moveTo(sys, c, prev, q.StatusSUPERSEDED, nil)
	return err
}

// may refuses a move the lifecycle does not allow from the quotation's status.
func may(qt *gen.Quotation, to q.Status) error {
	if Table.May(string(qt.Status), string(to)) {
		return nil
	}
	return move.Refused(what(qt), string(qt.Status), string(to), Table.Next(string(qt.Status)),
		Table.MovedPast(string(qt.Status), string(to)))
}

// sampleOfAccount refuses a sample of another account.
func sampleOfAccount(ctx context.Context, c *gen.Client, sampleID *pulid.ID, customerID pulid.ID) error {
	if sampleID == nil {
		return nil
	}
	n, err := c.Sample.Query().Where(sample.ID(*sampleID), sample.CustomerID(customerID)).Count(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return bad("sampleID", "no sample %s of this account", *sampleID)
	}
	return nil
}

func setTerms(m *gen.QuotationMutation, t Terms) {
	m.SetCurrency(t.Currency)
	m.SetValidFrom(t.ValidFrom.UTC())
	m.SetValidUntil(t.ValidUntil.UTC())
	m.SetIncotermPlace(t.IncotermPlace)
	m.SetPaymentTerms(t.PaymentTerms)
	m.SetNotes(t.Notes)
	if t.SampleID != nil {
		m.SetSampleID(*t.SampleID)
	}
	if t.Incoterm != nil {
		m.SetIncoterm(*t.Incoterm)
	}
	if t.PaymentDays != nil {
		m.SetPaymentDays(*t.PaymentDays)
	}
}

func writeLines(ctx context.Context, c *gen.Client, qt *gen.Quotation, lines []Line) error {
	creates := make([]*gen.QuotationLineCreate, len(lines))
	for i, l := range lines {
		creates[i] = c.QuotationLine.Create().SetQuotationID(qt.ID).SetProductID(l.ProductID).SetGrade(l.Grade).
			SetMinQuantity(l.MinQuantity).SetUnit(l.Unit).SetUnitPrice(l.UnitPrice).SetNote(l.Note)
	}
	return c.QuotationLine.CreateBulk(creates...).Exec(move.Mark(ctx, kind, qt.ID))
}

func optID(id pulid.ID) *pulid.ID {
	if id == "" {
		return nil
	}
	return &id
}
