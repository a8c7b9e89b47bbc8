package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/classification"
	keypersons "tandem/domain/keyperson"
	orders "tandem/domain/order"
	samples "tandem/domain/sample"
	"tandem/domain/search"
	"tandem/ent/classify"
	"tandem/ent/schema"
	"tandem/server/jobs"
)

// Versions of the one-off start-up work: raise one when its work changes, and the
// next start does it again (once, on whichever process starts first).
const (
	foldEmailsVersion    = "1"
	derivePersonsVersion = "1"
)

// startUp does the start-up work under the start-up lock, so that processes starting
// together on one database take turns, and each piece runs once — not on every
// process, not at every start — unless its version changed (jobs.Once).
func (a *App) startUp(ctx context.Context, env classify.Weights) (keys *signingKeys, err error) {
	err = a.DB.WithLock(ctx, LockStartup, func(ctx context.Context) error {
		if keys, err = a.openKeys(ctx); err != nil {
			return fmt.Errorf("signing keys: %w", err)
		}
		if a.push, err = a.openPush(ctx); err != nil {
			return fmt.Errorf("web push: %w", err)
		}
		return a.backfill(ctx, env)
	})
	return keys, err
}

func (a *App) backfill(ctx context.Context, env classify.Weights) error {
	c := a.DB.Client
	// Addresses stored before they were kept lower-cased (the User hook keeps them so).
	if _, err := jobs.Once(ctx, c, "fold-emails", foldEmailsVersion, func(ctx context.Context) error {
		renamed, err := schema.FoldUserEmails(ctx, c)
		for _, n := range renamed {
			a.Log.Warn("sign-in address renamed", "notice", n)
		}
		a.Notices = append(a.Notices, renamed...)
		return err
	}); err != nil {
		return fmt.Errorf("lower-casing sign-in addresses: %w", err)
	}
	// Core names for the duplicate check, for accounts from before they were stored
	// (the Customer hook keeps them from then on).
	if _, err := jobs.Once(ctx, c, "core-names", account.CoreNameVersion, func(ctx context.Context) error {
		n, err := account.RekeyNames(ctx, c)
		if n > 0 {
			a.Log.Info("core names stored for the duplicate check", "accounts", n)
		}
		return err
	}); err != nil {
		return fmt.Errorf("core names of accounts: %w", err)
	}
	if err := a.bootstrap(ctx); err != nil {
		return err
	}
	if err := a.classify(ctx, env); err != nil {
		return fmt.Errorf("classifying accounts: %w", err)
	}
	// Contacts from before persons existed join theirs (the hooks keep them from then on).
	if _, err := jobs.Once(ctx, c, "derive-persons", derivePersonsVersion, func(ctx context.Context) error {
		return schema.DerivePersons(access.System(ctx, "start-up: contacts from before persons existed join theirs"), c)
	}); err != nil {
		return fmt.Errorf("deriving persons: %w", err)
	}
	// Search keys for records from before they were kept, or after Key changed (the
	// hooks keep them from then on).
	if _, err := jobs.Once(ctx, c, "search-keys", search.KeyVersion, func(ctx context.Context) error {
		n, err := search.Rekey(ctx, c)
		if n > 0 {
			a.Log.Info("search keys stored", "records", n)
		}
		return err
	}); err != nil {
		return fmt.Errorf("search keys: %w", err)
	}
	// When each key person falls due for contact, for rows from before it was stored or
	// after the evaluation factor changed (the hooks keep it from then on).
	if _, err := jobs.Once(ctx, c, "key-person-due", keypersons.DueVersion(), func(ctx context.Context) error {
		n, err := keypersons.RefreshAll(ctx, c)
		if n > 0 {
			a.Log.Info("contact due times stored", "key persons", n)
		}
		return err
	}); err != nil {
		return fmt.Errorf("key persons' contact due times: %w", err)
	}
	// The statuses each sample reached, for samples from before they were kept (the
	// events' hook keeps them from then on).
	if _, err := jobs.Once(ctx, c, "sample-reached", "v1", func(ctx context.Context) error {
		return samples.Rereach(ctx, c)
	}); err != nil {
		return fmt.Errorf("samples' reached statuses: %w", err)
	}
	// The funnel's counts, for samples from before they were kept.
	if _, err := jobs.Once(ctx, c, "sample-counts", samples.CountVersion, func(ctx context.Context) error {
		return samples.Recount(ctx, c)
	}); err != nil {
		return fmt.Errorf("the sample counts: %w", err)
	}
	// The order volume rollup, for orders from before it was kept (the orders' and
	// lines' hook keeps it from then on).
	if _, err := jobs.Once(ctx, c, "order-volume", orders.VolumeVersion, func(ctx context.Context) error {
		return orders.RebuildVolume(ctx, c)
	}); err != nil {
		return fmt.Errorf("the order volume rollup: %w", err)
	}
	// The stays in each stage, for changes from before they were kept.
	if _, err := jobs.Once(ctx, c, "stage-stays", account.StayVersion, func(ctx context.Context) error {
		return account.Restay(ctx, c)
	}); err != nil {
		return fmt.Errorf("stage stays: %w", err)
	}
	// The pipeline's counts, for accounts from before they were kept.
	if _, err := jobs.Once(ctx, c, "account-counts", account.CountVersion, func(ctx context.Context) error {
		return account.Recount(ctx, c)
	}); err != nil {
		return fmt.Errorf("the account counts: %w", err)
	}
	return nil
}

// classify puts the classification weights in force — an admin's stored weights, else
// env (TANDEM_CLASSIFICATION or the defaults) — and, once per set of weights, brings
// every account's score and tier in line with them, so a change of the variable
// applies at the next start.
func (a *App) classify(ctx context.Context, env classify.Weights) error {
	w, err := classification.Start(ctx, a.DB.Client, env)
	if err != nil {
		return err
	}
	classify.Set(w)
	_, err = jobs.Once(ctx, a.DB.Client, "rescore", weightsVersion(w), func(ctx context.Context) error {
		n, err := classification.Rescore(ctx, a.DB.Client, w)
		if n > 0 {
			a.Log.Info("accounts changed tier under the weights in force", "accounts", n)
		}
		return err
	})
	return err
}

// weightsVersion names a set of weights: the accounts were last scored with it.
func weightsVersion(w classify.Weights) string {
	h := sha256.Sum256(fmt.Appendf(nil, "%+v", w))
	return hex.EncodeToString(h[:12])
}
