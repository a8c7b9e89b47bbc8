// Command server runs Tandem: `go run ./server` serves the GraphQL API and the app on
// the embedded database; see README.md for configuration.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"tandem/server/app"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tandem:", err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) > 1 && os.Args[1] == "reset-admin-password" {
		return resetAdminPassword(os.Args[2:])
	}
	if len(os.Args) > 1 && os.Args[1] == "rotate-keys" {
		return rotateKeys(os.Args[2:])
	}
	// Operating commands and flags: version, backup, --help (ops.go).
	if done, err := opsCommand(os.Args[1:]); done {
		return err
	}
	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		return migrateCommand(os.Args[2:])
	}
	cfg, err := app.ParseConfig(os.Args[1:], os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if cfg.Version {
		fmt.Println(app.Version())
		return nil
	}
	gcDefault(os.Getenv, os.ReadFile)
	log := app.NewLogger(os.Stderr, cfg.Operations)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	a, err := app.New(ctx, cfg, log, app.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	for _, n := range a.Notices {
		fmt.Println(n)
	}

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           a.Handler,
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	// Workers stop after the last request: their context outlives the signal.
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	waitWork := a.RunWorkers(workCtx)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()

	// /metrics and the profiler on listeners of their own, when configured (ops.go).
	side := sideServers(cfg, a, log)
	defer closeAll(side)
	for _, s := range side {
		go func() { errc <- s.ListenAndServe() }()
	}

	log.Info("tandem is listening", "addr", cfg.Addr, "database", a.DB.Where, "graphql", "/graphql")

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Stopping in order: /readyz fails at once so the load balancer sends no new
	// requests; after the drain delay the listener closes and the requests in flight
	// finish; then the workers stop (a webhook under way is sent and recorded).
	a.Drain()
	log.Info("stopping: /readyz now fails", "drain_delay", cfg.DrainDelay.String())
	time.Sleep(cfg.DrainDelay)
	log.Info("stopping: finishing requests in flight")
	shutCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	err = srv.Shutdown(shutCtx)
	stopWork()
	log.Info("stopping: workers finishing (a webhook being sent is sent and recorded)")
	waitWork()
	log.Info("stopped")
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// resetAdminPassword is the break-glass command: `tandem reset-admin-password
// [--email admin@example.com] [--data-dir DIR]` (DATABASE_URL as for the server) gives
// an admin a new password, printed once, when nobody can sign in.
func resetAdminPassword(args []string) error {
	email, rest, err := cutFlag(args, "email", "an address")
	if err != nil {
		return err
	}
	cfg, err := app.ParseConfig(rest, os.Getenv)
	if err != nil {
		return err
	}
	if err := existingDatabase(cfg); err != nil {
		return err
	}
	ctx := context.Background()
	db, err := app.OpenDatabase(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	who, pw, err := app.ResetAdminPassword(ctx, db.Client, email, time.Now().UTC())
	if err != nil {
		if errors.Is(err, app.ErrNoAdmin) && email == "" {
			err = fmt.Errorf("%w: is this the server's database? Its first start creates an admin", err)
		}
		return fmt.Errorf("reset-admin-password (database %s): %w", db.Where, err)
	}
	fmt.Printf("New password for %s: %s\n(shown once; every session of this account was signed out; change it after signing in)\n", who, pw)
	return nil
}

// rotateKeys is `tandem rotate-keys`: a new key signs access tokens from the next
// minute on, on every process; the old one is accepted until its tokens expired.
func rotateKeys(args []string) error {
	cfg, err := app.ParseConfig(args, os.Getenv)
	if err != nil {
		return err
	}
	if cfg.JWTSecret != "" {
		return errors.New("rotate-keys: TANDEM_JWT_SECRET is set, so the keys are not kept in the database; " +
			"rotate by moving its value to TANDEM_JWT_PREVIOUS_SECRETS and setting a new one (docs/operations.md)")
	}
	if err := existingDatabase(cfg); err != nil {
		return err
	}
	ctx := context.Background()
	db, err := app.OpenDatabase(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	kid, err := app.RotateKeys(ctx, db, time.Now().UTC())
	if err != nil {
		return fmt.Errorf("rotate-keys (database %s): %w", db.Where, err)
	}
	fmt.Printf("Database %s: new signing key %s stored. Every process signs with it within a minute; tokens of the old key stay valid for %s.\n", db.Where, kid, app.KeyGrace)
	return nil
}
