// Command server runs Tandem: `go run ./server` serves the GraphQL API and the app on
// the embedded database; see README.md for configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
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
	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		return migrateCommand(os.Args[2:])
	}
	cfg, err := app.ParseConfig(os.Args[1:], os.Getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
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
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	go a.Webhooks.Run(ctx, 2*time.Second)
	go a.RunSLASweeper(ctx, cfg.SLASweepInterval)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("tandem is listening", "addr", cfg.Addr, "database", a.DB.Where, "graphql", "/graphql")

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// resetAdminPassword is the break-glass command: `tandem reset-admin-password
// [--email admin@example.com] [--data-dir DIR]` (DATABASE_URL as for the server) gives
// an admin a new password, printed once, when nobody can sign in.
func resetAdminPassword(args []string) error {
	var email string
	var rest []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--email" || a == "-email":
			if i+1 >= len(args) {
				return errors.New("--email needs an address")
			}
			email = args[i+1]
			i++
		case strings.HasPrefix(a, "--email=") || strings.HasPrefix(a, "-email="):
			email = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	cfg, err := app.ParseConfig(rest, os.Getenv)
	if err != nil {
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
