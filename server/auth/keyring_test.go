package auth

import (
	"strings"
	"testing"
	"time"
)

func TestKeyringChoosesAndRetires(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	old := Key{ID: "old", Secret: []byte(strings.Repeat("o", 32)), Created: now.Add(-time.Hour)}
	retiring := now.Add(10 * time.Minute)
	old.Retired = &retiring
	cur := Key{ID: "cur", Secret: []byte(strings.Repeat("c", 32)), Created: now}
	ring, err := NewKeyring([]Key{old, cur}, clock)
	if err != nil {
		t.Fatal(err)
	}
	if ring.Current().ID != "cur" {
		t.Fatalf("current key %q, want the newest unretired", ring.Current().ID)
	}
	s := NewKeyedSigner(ring, clock)
	tok, _, err := s.Issue("US01", "REP")
	if err != nil {
		t.Fatal(err)
	}
	// A token of the retiring key is accepted until its retirement, not after.
	oldSigner := NewKeyedSigner(mustRing(t, []Key{{ID: "old", Secret: old.Secret, Created: old.Created}}, clock), clock)
	oldTok, _, _ := oldSigner.Issue("US01", "REP")
	if _, err := s.Parse(oldTok); err != nil {
		t.Fatalf("a token of the retiring key was refused before its retirement: %v", err)
	}
	now = retiring.Add(time.Second)
	if _, err := s.Parse(oldTok); err == nil {
		t.Fatal("a token of a retired key was accepted after its retirement")
	}
	if _, err := s.Parse(tok); err != nil {
		t.Fatalf("the current key's token was refused: %v", err)
	}
}

func TestKeyringNeedsACurrentKey(t *testing.T) {
	r := time.Now()
	if _, err := NewKeyring([]Key{{ID: "a", Secret: []byte(strings.Repeat("a", 32)), Retired: &r}}, nil); err == nil {
		t.Fatal("a keyring of retired keys only was made")
	}
	if _, err := StaticKeys([]byte("short")); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

func TestStaticKeysAcceptPreviousSecrets(t *testing.T) {
	cur, prev := []byte(strings.Repeat("n", 32)), []byte(strings.Repeat("p", 32))
	before, _ := NewSigner(prev, nil)
	tok, _, _ := before.Issue("US01", "REP")
	ring, err := StaticKeys(cur, prev)
	if err != nil {
		t.Fatal(err)
	}
	after := NewKeyedSigner(ring, nil)
	if _, err := after.Parse(tok); err != nil {
		t.Fatalf("a token of the previous secret was refused: %v", err)
	}
	if ring.Current().ID != KeyID(cur) {
		t.Fatal("the previous secret signs")
	}
	alone, _ := NewSigner(cur, nil)
	if _, err := alone.Parse(tok); err == nil {
		t.Fatal("a token of a secret no longer configured was accepted")
	}
}

func mustRing(t *testing.T, keys []Key, now func() time.Time) *Keyring {
	t.Helper()
	r, err := NewKeyring(keys, now)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
