package app

import (
	"context"
	"sync"
	"testing"
)

// Processes starting at once on a new SQLite file all turn it to WAL at the same
// moment; SQLite refuses all but one with SQLITE_BUSY at once, without waiting out
// busy_timeout. Each must still connect (ping retries the busy ones).
func TestConnectConcurrentOnNewSQLiteFile(t *testing.T) {
	for round := range 60 {
		dir := t.TempDir()
		const n = 6
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				d, err := ConnectDatabase(context.Background(), "", dir)
				if err == nil {
					d.Close()
				}
				errs[i] = err
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
	}
}
