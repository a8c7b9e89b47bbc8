// Package webhook sends partners' webhook deliveries from the outbox: it claims due
// rows (FOR UPDATE SKIP LOCKED on PostgreSQL, so several server copies never send the
// same delivery at once), posts the JSON signed with HMAC-SHA256 over the timestamp
// and the body, and retries failures with exponential backoff.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/ent/webhookdelivery"
	"tandem/server/jobs"
)

// MaxAttempts is how often a delivery is tried before it is marked FAILED.
const MaxAttempts = 8

// Backoff is the wait before the next try after n failed attempts: 30 s, 1 min,
// 2 min … capped at 6 hours.
func Backoff(n int) time.Duration {
	d := 30 * time.Second * time.Duration(math.Pow(2, float64(n-1)))
	return min(d, 6*time.Hour)
}

// Sign returns the signature header value for a body sent at t:
// "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<unix seconds>.<body>")>".
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// NewSecret returns a fresh signing secret for an endpoint.
func NewSecret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "whsec_" + hex.EncodeToString(b), nil
}

// Dispatcher sends due deliveries.
type Dispatcher struct {
	Client  *ent.Client
	Dialect string
	// HTTP posts the deliveries; build it with Targets.Client so that it connects to
	// allowed addresses only. When nil, a client of the zero Targets is used.
	HTTP *http.Client
	Log  *slog.Logger
	// Batch is how many deliveries one round claims; Lease how long a claim holds.
	Batch int
	Lease time.Duration
	Now   func() time.Time
	// Done, when set, is told each attempt's outcome: "delivered", "retry" or "failed".
	Done func(outcome string)

	defaultHTTP sync.Once
}

func (d *Dispatcher) client() *http.Client {
	d.defaultHTTP.Do(func() {
		if d.HTTP == nil {
			d.HTTP = (&Targets{}).Client(nil)
		}
	})
	return d.HTTP
}

func (d *Dispatcher) log() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.New(slog.DiscardHandler)
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now().UTC()
	}
	return time.Now().UTC()
}

// Run sends deliveries every interval until ctx ends.
func (d *Dispatcher) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.DispatchOnce(ctx); err != nil && ctx.Err() == nil {
			d.log().Error("webhook dispatch", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// DispatchOnce claims the due deliveries and sends them; it returns how many it sent.
func (d *Dispatcher) DispatchOnce(ctx context.Context) (int, error) {
	claimed, token, err := d.claim(ctx)
	if err != nil {
		return 0, err
	}
	for i, dl := range claimed {
		if ctx.Err() != nil {
			// Stopping: give the rest back at once for another process to send.
			return i, d.release(idsOf(claimed[i:]), token)
		}
		// A delivery under way is finished and recorded even when stopping, so that it
		// is not sent again by the next claimer.
		if err := d.deliver(context.WithoutCancel(ctx), dl, token); err != nil {
			return 0, err
		}
	}
	return len(claimed), nil
}

// release gives back claimed deliveries that were not sent.
func (d *Dispatcher) release(ids []pulid.ID, token string) error {
	sys := access.System(context.Background(), "webhook dispatcher: stopping, releasing unsent claims")
	return d.Client.WebhookDelivery.Update().Where(webhookdelivery.IDIn(ids...), webhookdelivery.ClaimToken(token)).
		ClearLockedUntil().ClearClaimToken().Exec(sys)
}

func (d *Dispatcher) lease() time.Duration {
	if d.Lease > 0 {
		return d.Lease
	}
	return time.Minute
}

// claim takes due deliveries for this process for the lease time, under a token of
// its own: the claim is this process's as long as the rows carry the token.
func (d *Dispatcher) claim(ctx context.Context) ([]*ent.WebhookDelivery, string, error) {
	sys := access.System(ctx, "webhook dispatcher: claiming due deliveries")
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return nil, "", err
	}
	token := hex.EncodeToString(raw)
	tx, err := d.Client.Tx(sys)
	if err != nil {
		return nil, "", err
	}
	now := d.now()
	q := tx.WebhookDelivery.Query().
		Where(webhookdelivery.StatusEQ(webhookdelivery.StatusPENDING), webhookdelivery.NextAttemptAtLTE(now),
			webhookdelivery.Or(webhookdelivery.LockedUntilIsNil(), webhookdelivery.LockedUntilLT(now))).
		Order(ent.Asc(webhookdelivery.FieldNextAttemptAt)).Limit(max(d.Batch, 1)).WithEndpoint()
	if d.Dialect == dialect.Postgres {
		q.ForUpdate(sql.WithLockAction(sql.SkipLocked), sql.WithLockTables(webhookdelivery.Table))
	}
	rows, err := q.All(sys)
	if err != nil {
		_ = tx.Rollback()
		return nil, "", err
	}
	if len(rows) > 0 {
		if err := tx.WebhookDelivery.Update().Where(webhookdelivery.IDIn(idsOf(rows)...)).
			SetLockedUntil(now.Add(d.lease())).SetClaimToken(token).Exec(sys); err != nil {
			_ = tx.Rollback()
			return nil, "", err
		}
	}
	return rows, token, tx.Commit()
}

// hold renews the claim of a delivery while it is being sent, however long that
// takes, so no other process claims it meanwhile; it stops when ctx ends.
func (d *Dispatcher) hold(ctx context.Context, id pulid.ID, token string) {
	jobs.Every(ctx, d.lease()/3, func(ctx context.Context) {
		sys := access.System(ctx, "webhook dispatcher: renewing a claim while sending")
		_ = d.Client.WebhookDelivery.Update().Where(webhookdelivery.ID(id), webhookdelivery.ClaimToken(token)).
			SetLockedUntil(d.now().Add(d.lease())).Exec(sys)
	})
}

func idsOf(rows []*ent.WebhookDelivery) []pulid.ID {
	ids := make([]pulid.ID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

// deliver posts one delivery and records the outcome. The delivery log, which the
// partner reads, gets a short generic reason (PublicError); the full error, with the
// address dialled, goes to the server log.
func (d *Dispatcher) deliver(ctx context.Context, dl *ent.WebhookDelivery, token string) error {
	sys := access.System(ctx, "webhook dispatcher: recording a delivery's outcome")
	ep := dl.Edges.Endpoint
	holding, stop := context.WithCancel(ctx)
	defer stop()
	go d.hold(holding, dl.ID, token)
	// The outcome is recorded only while the claim is still this process's.
	upd := d.Client.WebhookDelivery.Update().Where(webhookdelivery.ID(dl.ID), webhookdelivery.ClaimToken(token)).
		ClearLockedUntil().ClearClaimToken().SetAttempts(dl.Attempts + 1)
	record := func(outcome string, u *ent.WebhookDeliveryUpdate) error {
		n, err := u.Save(sys)
		if err == nil && n == 0 {
			d.log().Warn("webhook delivery: the claim was lost before its outcome was recorded", "delivery", dl.ID)
		}
		if err == nil && d.Done != nil {
			d.Done(outcome)
		}
		return err
	}
	if ep == nil || !ep.Active {
		return record("failed", upd.SetStatus(webhookdelivery.StatusFAILED).SetLastError("the endpoint was removed"))
	}
	body := []byte(dl.Payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		d.log().Warn("webhook delivery failed", "delivery", dl.ID, "endpoint", ep.ID, "err", err)
		return record("failed", upd.SetStatus(webhookdelivery.StatusFAILED).SetLastError("invalid endpoint URL"))
	}
	now := d.now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Tandem-Webhooks/1")
	req.Header.Set("Tandem-Event-Id", dl.EventID)
	req.Header.Set("Tandem-Event-Type", dl.EventType)
	req.Header.Set("Tandem-Delivery-Id", string(dl.ID))
	req.Header.Set("Tandem-Signature", Sign(ep.Secret, now, body))
	res, err := d.client().Do(req)
	if err == nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		res.Body.Close()
		upd.SetLastStatusCode(res.StatusCode)
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			return record("delivered", upd.SetStatus(webhookdelivery.StatusDELIVERED).SetDeliveredAt(now).SetLastError(""))
		}
		err = fmt.Errorf("the endpoint answered %d", res.StatusCode)
	}
	d.log().Warn("webhook delivery failed", "delivery", dl.ID, "endpoint", ep.ID, "attempt", dl.Attempts+1, "err", err)
	upd.SetLastError(PublicError(res, err))
	if dl.Attempts+1 >= MaxAttempts {
		return record("failed", upd.SetStatus(webhookdelivery.StatusFAILED))
	}
	return record("retry", upd.SetNextAttemptAt(now.Add(Backoff(dl.Attempts+1))))
}

// PublicError is what the partner's delivery log says about a failed attempt: the
// status of an answer, or one of "refused: address not allowed", "timeout" and
// "connection failed" — never the address dialled nor the error's text, which would
// tell a partner which internal ports answer and how.
func PublicError(res *http.Response, err error) string {
	var timeout interface{ Timeout() bool }
	switch {
	case res != nil:
		return "HTTP " + strconv.Itoa(res.StatusCode)
	case errors.Is(err, ErrAddressNotAllowed):
		return "refused: address not allowed"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return "timeout"
	default:
		return "connection failed"
	}
}
