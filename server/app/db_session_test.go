package app

import (
	"context"
	"os"
	"strings"
	"testing"
)

// Tandem's PostgreSQL sessions run without parallel query unless the URL says
// otherwise, and an operator's setting in the URL wins.
func TestPostgresSessionSettings(t *testing.T) {
	url := os.Getenv("TANDEM_TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TANDEM_TEST_DATABASE_URL is not set")
	}
	join := "?"
	if strings.Contains(url, "?") {
		join = "&"
	}
	for _, tc := range []struct{ url, want string }{
		{url, "0"},
		{url + join + "max_parallel_workers_per_gather=2", "2"},
		{url + join + "options=" + "-c%20max_parallel_workers_per_gather%3D3", "3"},
	} {
		d, err := ConnectDatabase(context.Background(), tc.url, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var got string
		err = d.DB.QueryRowContext(context.Background(), "SHOW max_parallel_workers_per_gather").Scan(&got)
		d.Close()
		if err != nil || got != tc.want {
			t.Errorf("%s: max_parallel_workers_per_gather %q (%v), want %q", redact(tc.url), got, err, tc.want)
		}
	}
}
