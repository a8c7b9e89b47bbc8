package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// envDocs are the settings read only from the environment (the others are flags whose
// help names their variable). --help prints both; a test checks that every variable
// the server reads appears there, so add a line here with each new one.
var envDocs = []struct{ name, doc string }{
	{"DATABASE_URL", "postgres://user:password@host:5432/db?sslmode=require for PostgreSQL; empty for the embedded database in the data dir"},
	{"TANDEM_JWT_SECRET", "secret signing access tokens, 32 characters or more, the same on every process; unset: keys made at the first start and kept in the database (tandem rotate-keys replaces the token key)"},
	{"TANDEM_ENV", "production hardens defaults (no GraphQL field suggestions in errors); default development"},
	{"TANDEM_CLASSIFICATION", "initial account classification weights, e.g. scale=1,technical_level=1,credit=1.5,demand=2,ease_of_closing=1.5,a=3.8,b=2.8,min=3"},
	{"TANDEM_JWT_PREVIOUS_SECRETS", "earlier values of TANDEM_JWT_SECRET whose tokens are still accepted during a rotation, comma-separated"},
	{"TANDEM_EVALUATION_CONTACT_FACTOR", "shortens key persons' contact intervals while their account evaluates us, above 0 and at most 1 (default 0.5)"},
	{"TANDEM_CONCENTRATION_SHARE", "a customer with this share of our revenue over 12 months or more is flagged as a concentration risk, above 0 and at most 1 (default 0.2)"},
}

// usageHeader opens --help.
const usageHeader = `Usage: tandem [flags]            serve the app and the GraphQL API
       tandem backup --out FILE   copy the embedded database and files while it runs
       tandem migrate             apply pending schema migrations and exit (a deploy step)
       tandem rotate-keys         store a new access-token signing key (keys kept in the database)
       tandem reset-admin-password [--email ADDRESS]
       tandem version

Every flag can be set by the environment variable named in its help; a flag wins.
See docs/operations.md for running Tandem in production.

Flags:
`

// writeHelp prints the usage, every flag and every environment-only variable.
func writeHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHeader)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, "\nEnvironment only:\n")
	for _, e := range envDocs {
		fmt.Fprintf(w, "  %s\n    \t%s\n", e.name, e.doc)
	}
}

// ParseConfig reads flags, falling back to the environment, then to safe defaults.
// --help prints every flag and variable to stdout and returns flag.ErrHelp.
func ParseConfig(args []string, getenv func(string) string) (Config, error) {
	return parseConfig(args, getenv, os.Stdout)
}

// Help is the text --help prints.
func Help() string {
	var b strings.Builder
	_, _ = parseConfig([]string{"--help"}, func(string) string { return "" }, &b)
	return b.String()
}
