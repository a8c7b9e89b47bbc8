package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tandem/ent/refreshtoken"
	"tandem/ent/schema/pulid"
	"tandem/ent/serverstate"
	"tandem/server/app"
	"tandem/server/auth"
)

// postLogin signs in from a goroutine (no t.Fatal there) and returns the error code,
// "" on success.
func postLogin(url, forwardedFor, email, pw string) (string, error) {
	body, _ := json.Marshal(map[string]any{"query": loginMutation, "variables": map[string]any{"e": email, "p": pw}})
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", fmt.Errorf("not JSON (%d): %s", res.StatusCode, raw)
	}
	return out.code(), nil
}

// burst sends n sign-ins at once and counts the answers by code.
func burst(t *testing.T, n int, send func(i int) (string, error)) map[string]int {
	t.Helper()
	var mu sync.Mutex
	codes := map[string]int{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c, err := send(i)
			if err != nil {
				c = "transport error: " + err.Error()
			}
			mu.Lock()
			codes[c]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}

// The throttle's decision is one statement taken before the password is hashed: of
// 60 wrong passwords sent at once for one account from one address, no more than the
// limit (5) are checked. Read-then-write let all 60 through.
func TestSignInConcurrentGuessesAreCheckedAtMostLimitTimes(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		before := e.app.Auth.PasswordChecks.Load()
		codes := burst(t, 60, func(int) (string, error) {
			return postLogin(e.srv.URL, "", "rep1@t.test", "wrong password, again")
		})
		checked := e.app.Auth.PasswordChecks.Load() - before
		t.Logf("60 concurrent wrong passwords: %d checked, answers %v", checked, codes)
		if checked > 5 || checked < 1 {
			t.Fatalf("%d passwords checked, want 1–5 (the limit)", checked)
		}
		if codes["UNAUTHENTICATED"]+codes["RATE_LIMITED"] != 60 || codes["UNAUTHENTICATED"] > 5 {
			t.Fatalf("answers %v", codes)
		}
		expectCode(t, e.do("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password}), "RATE_LIMITED")
	})
}

// Five wrong passwords from elsewhere block that address for this account, not the
// real user at theirs.
func TestSignInLockoutFromAnotherAddressSparesTheUser(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, b, envOptions{trustedProxies: "127.0.0.1",
				throttle: &auth.Throttle{Limit: 5, AccountLimit: 100, PerAddrLimit: 100, Window: time.Minute, Block: time.Minute}})
			bad := map[string]any{"e": "rep1@t.test", "p": "wrong password, again"}
			for range 5 {
				expectCode(t, e.doFrom("203.0.113.9", "", loginMutation, bad), "UNAUTHENTICATED")
			}
			r := e.doFrom("203.0.113.9", "", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
			expectCode(t, r, "RATE_LIMITED")
			if s := num(r.Errors[0].Extensions["retryAfterSeconds"]); s < 1 || s > 60 {
				t.Fatalf("retryAfterSeconds = %d", s)
			}
			r = e.doFrom("198.51.100.7", "", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
			if r.code() != "" {
				t.Fatalf("the real user at their own address: %+v", r.Errors)
			}
		})
	}
}

// Guessing spread over many addresses meets the account-wide limit, whose blocks
// double; the address where the user signed in before stays open.
func TestSignInAccountWideLimitBacksOff(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			var clock atomic.Int64
			clock.Store(time.Now().UTC().UnixNano())
			now := func() time.Time { return time.Unix(0, clock.Load()).UTC() }
			advance := func(d time.Duration) { clock.Add(int64(d)) }
			e := newEnv(t, b, envOptions{now: now, trustedProxies: "127.0.0.1",
				throttle: &auth.Throttle{Limit: 2, AccountLimit: 4, PerAddrLimit: 100, Window: time.Minute, Block: time.Minute, MaxBlock: 8 * time.Minute}})
			right := map[string]any{"e": "rep1@t.test", "p": password}
			bad := map[string]any{"e": "rep1@t.test", "p": "wrong password, again"}
			e.ok("", loginMutation, right) // from 127.0.0.1, no X-Forwarded-For
			attacker := 0
			for round, want := range []int{60, 120, 240, 480, 480} {
				for range 2 {
					attacker++
					addr := fmt.Sprintf("203.0.113.%d", attacker)
					for range 2 {
						expectCode(t, e.doFrom(addr, "", loginMutation, bad), "UNAUTHENTICATED")
					}
				}
				r := e.doFrom("203.0.113.200", "", loginMutation, right)
				expectCode(t, r, "RATE_LIMITED")
				if s := num(r.Errors[0].Extensions["retryAfterSeconds"]); s != want {
					t.Fatalf("block %d: retryAfterSeconds = %d, want %d", round+1, s, want)
				}
				expectCode(t, e.doFrom("192.0.2.50", "", loginMutation, right), "RATE_LIMITED")
				// Where rep1 signed in before, the account-wide block does not apply.
				e.ok("", loginMutation, right)
				advance(time.Duration(want)*time.Second + time.Second)
			}
			e.ok("", loginMutation, right)
			e.okFrom("192.0.2.50", "", loginMutation, right)
		})
	}
}

// Without trusted proxies, X-Forwarded-For is the client's own word: changing it
// does not give a guesser a fresh counter.
func TestSignInIgnoresForwardedForFromUntrustedPeer(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		bad := map[string]any{"e": "rep2@t.test", "p": "wrong password, again"}
		for i := range 5 {
			expectCode(t, e.doFrom(fmt.Sprintf("198.51.100.%d", i+1), "", loginMutation, bad), "UNAUTHENTICATED")
		}
		expectCode(t, e.doFrom("198.51.100.99", "", loginMutation, map[string]any{"e": "rep2@t.test", "p": password}), "RATE_LIMITED")
		// The address recorded for a session is the peer's too.
		e.ok("203.0.113.5", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
		rt := e.app.DB.Client.RefreshToken.Query().Where(refreshtoken.UserID(e.f.rep1.ID)).FirstX(e.sys)
		if rt.ClientAddr != "127.0.0.1" {
			t.Fatalf("client address %q, want the peer's 127.0.0.1", rt.ClientAddr)
		}
	})
}

// ok with an X-Forwarded-For header.
func (e *env) okFrom(forwardedFor, token, query string, vars map[string]any) map[string]any {
	e.t.Helper()
	r := e.doFrom(forwardedFor, token, query, vars)
	if len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	return r.Data
}

func TestUserEmails(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := e.token(e.f.admin)
		create := `mutation($e: String!) { createUser(input: {email: $e, name: "New"}, password: "long enough password") { id email } }`
		for _, bad := range []string{"not-an-email", "Li Wei <li@example.com>", "<li@example.com>", "li@localhost", "REP1@t.test", "Rep1@T.Test"} {
			r := e.do(admin, create, map[string]any{"e": bad})
			expectCode(t, r, "BAD_USER_INPUT")
			if f := r.Errors[0].Extensions["field"]; f != "email" {
				t.Fatalf("%q: field %v, want email", bad, f)
			}
		}
		d := e.ok(admin, create, map[string]any{"e": "  Li.Wei@Example.COM "})
		if got := dig(d, "createUser", "email"); got != "li.wei@example.com" {
			t.Fatalf("stored %v, want it lower-cased", got)
		}
		// Signing in with any case works.
		d = e.ok("", loginMutation, map[string]any{"e": "LI.WEI@example.com", "p": "long enough password"})
		if dig(d, "login", "user", "email") != "li.wei@example.com" {
			t.Fatalf("login: %v", d)
		}
		// updateUser obeys the same rule.
		upd := `mutation($id: ID!, $e: String!) { updateUser(id: $id, input: {email: $e}) { email } }`
		r := e.do(admin, upd, map[string]any{"id": e.f.rep1.ID, "e": "REP2@T.TEST"})
		expectCode(t, r, "BAD_USER_INPUT")
		d = e.ok(admin, upd, map[string]any{"id": e.f.rep1.ID, "e": "Rep1.New@T.Test"})
		if dig(d, "updateUser", "email") != "rep1.new@t.test" {
			t.Fatalf("updateUser: %v", d)
		}
		// The hook guards every write path, not only GraphQL.
		if err := e.app.DB.Client.User.Create().SetEmail("ANALYST@t.test").SetName("x").Exec(e.sys); err == nil {
			t.Fatal("a case-duplicate created through the ent client")
		}
	})
}

// Addresses stored before they were kept lower-cased are folded at start-up: the
// oldest of a case-only duplicate keeps the address, the others are renamed, nobody
// is deleted, and signing in no longer fails with INTERNAL.
func TestExistingCaseDuplicateEmailsAreMigrated(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		db := e.app.DB.DB
		set := func(id any, email string, created time.Time) {
			t.Helper()
			if _, err := db.Exec(`UPDATE users SET email = $1, created_at = $2 WHERE id = $3`, email, created, id); err != nil {
				t.Fatal(err)
			}
		}
		base := time.Now().UTC().Add(-time.Hour)
		set(e.f.rep2.ID, "REP1@T.Test", base)                  // the older of the two
		set(e.f.rep1.ID, "rep1@t.test", base.Add(time.Minute)) // the newer
		set(e.f.rep3.ID, "Rep3@T.Test", base)                  // mixed case, no duplicate
		set(e.f.analyst.ID, "rep1+duplicate-1@t.test", base)   // the first free rename is taken
		users := e.app.DB.Client.User.Query().CountX(e.sys)
		// A database from before the fold has not recorded it as done (jobs.Once).
		e.app.DB.Client.ServerState.Delete().Where(serverstate.Name("start-up/fold-emails")).ExecX(e.sys)

		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		again, err := app.New(context.Background(), e.app.Config, log, app.Options{})
		if err != nil {
			t.Fatalf("restart: %v", err)
		}
		defer again.Close()
		if len(again.Notices) != 1 || !strings.Contains(again.Notices[0], "rep1+duplicate-2@t.test") {
			t.Fatalf("notices: %q", again.Notices)
		}
		c := e.app.DB.Client
		for id, want := range map[string]string{
			string(e.f.rep2.ID): "rep1@t.test", string(e.f.rep1.ID): "rep1+duplicate-2@t.test",
			string(e.f.rep3.ID): "rep3@t.test", string(e.f.analyst.ID): "rep1+duplicate-1@t.test",
		} {
			if got := c.User.GetX(e.sys, pulid.ID(id)).Email; got != want {
				t.Errorf("user %s: %q, want %q", id, got, want)
			}
		}
		if n := c.User.Query().CountX(e.sys); n != users {
			t.Fatalf("%d users after the migration, %d before", n, users)
		}
		d := e.ok("", loginMutation, map[string]any{"e": "Rep1@t.test", "p": password})
		if dig(d, "login", "user", "id") != string(e.f.rep2.ID) {
			t.Fatalf("rep1@t.test signs in as %v, want the oldest holder", dig(d, "login", "user", "id"))
		}
		e.ok("", loginMutation, map[string]any{"e": "rep1+duplicate-2@t.test", "p": password})
	})
}

func TestPasswordRules(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := e.token(e.f.admin)
		create := `mutation($p: String!) { createUser(input: {email: "pw@t.test", name: "Pw"}, password: $p) { id } }`
		for _, bad := range []string{"", "          ", "\t\t\t\t\t\t\t\t\t\t\t", "  short     ", "1234567890", "QwertyUiop", "password123"} {
			r := e.do(admin, create, map[string]any{"p": bad})
			expectCode(t, r, "BAD_USER_INPUT")
			if f := r.Errors[0].Extensions["field"]; f != "password" {
				t.Fatalf("%q: field %v", bad, f)
			}
		}
		rep := e.token(e.f.rep1)
		change := `mutation($n: String!) { changePassword(input: {currentPassword: "` + password + `", newPassword: $n}) }`
		r := e.do(rep, change, map[string]any{"n": "1q2w3e4r5t"})
		expectCode(t, r, "BAD_USER_INPUT")
		if f := r.Errors[0].Extensions["field"]; f != "newPassword" {
			t.Fatalf("changePassword: field %v", f)
		}
		e.ok(admin, create, map[string]any{"p": "amber kiln 42 sieve"})
	})
}

// Answers that may carry someone's data are never stored by a cache.
func TestGraphQLAndExportAnswersAreNotStored(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.rep1)
		for name, r := range map[string]*gqlResponse{
			"signed in":  e.do(tok, `{ me { email } }`, nil),
			"sign-in":    e.do("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password}),
			"signed out": e.do("", `{ me { email } }`, nil),
		} {
			if cc := r.header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s: Cache-Control %q, want no-store", name, cc)
			}
		}
		status, h, body := e.export(tok, map[string]any{"query": exportCustomersQuery, "variables": map[string]any{}, "connection": "customers"})
		if cc := h.Get("Cache-Control"); status != http.StatusOK || cc != "no-store" {
			t.Errorf("export.csv: %d, Cache-Control %q, want 200 and no-store: %s", status, cc, body)
		}
	})
}

// peakRSS is the process's peak resident memory since resetPeakRSS, in MiB.
func peakRSS(t *testing.T) float64 {
	t.Helper()
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status: peak RSS is measured on Linux")
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	t.Skip("no VmHWM in /proc/self/status")
	return 0
}

// resetPeakRSS starts a new peak (Linux: writing 5 to clear_refs resets VmHWM).
func resetPeakRSS(t *testing.T) {
	t.Helper()
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skipf("cannot reset the peak RSS: %v", err)
	}
}

// 200 sign-ins at once used to hash 200 passwords at once, 19 MiB each (about 3 GB
// at the peak); with a few hash slots the process grows by less than 256 MiB (136 to 177 MiB measured). The
// growth is measured, not the whole size: what earlier tests of the process left
// mapped (87 to 162 MiB here) is not the sign-ins'. Not parallel: the peak is the
// whole test process's, so nothing else may run meanwhile.
func TestSignInMemoryUnderConcurrency(t *testing.T) {
	if testing.Short() {
		t.Skip("measures memory under 200 concurrent sign-ins")
	}
	const n, growthMiB = 200, 256
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b, envOptions{throttle: &auth.Throttle{Limit: 10 * n, AccountLimit: 10 * n, PerAddrLimit: 10 * n, Window: time.Minute, Block: time.Minute}})
			resetPeakRSS(t)
			base := peakRSS(t)
			start := time.Now()
			checks := e.app.Auth.PasswordChecks.Load()
			codes := burst(t, n, func(int) (string, error) { return postLogin(e.srv.URL, "", "rep1@t.test", password) })
			peak := peakRSS(t)
			t.Logf("%s: %d concurrent sign-ins in %s: peak RSS %.0f MiB (%.0f MiB before), %d passwords checked, answers %v",
				b, n, time.Since(start).Round(time.Millisecond), peak, base, e.app.Auth.PasswordChecks.Load()-checks, codes)
			if peak-base > growthMiB {
				t.Fatalf("peak RSS %.0f MiB, %.0f MiB over the %.0f MiB before: want under %d MiB more", peak, peak-base, base, growthMiB)
			}
			if codes[""] == 0 || codes[""]+codes["RATE_LIMITED"] != n {
				t.Fatalf("answers %v: want successes, the rest RATE_LIMITED", codes)
			}
		})
	}
}
