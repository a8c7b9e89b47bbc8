// Package auth signs people in: argon2id password hashes, short-lived JWT access
// tokens, rotating refresh tokens with reuse detection, and sign-in throttling.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn/frequency"
	"golang.org/x/crypto/argon2"

	"tandem/ent/errcode"
)

// MinPasswordLength is the shortest password accepted, leading and trailing spaces
// not counted.
const MinPasswordLength = 10

// argon2id parameters: 19 MiB, 2 passes, 1 lane (OWASP's minimum recommendation),
// fast enough for a sign-in on two cores, slow enough to hurt a stolen hash table.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// HashSlots is how many argon2id computations run at once in the process. Each takes
// 19 MiB: without a bound, 200 sign-ins at once would ask for almost 4 GB.
const HashSlots = 2

// HashWait is how long a password check waits for a slot before it is refused with
// RATE_LIMITED.
var HashWait = 3 * time.Second

var hashSlots = make(chan struct{}, HashSlots)

// withHashSlot runs f, which computes one argon2id hash, when a slot is free.
func withHashSlot(ctx context.Context, f func()) error {
	wait := time.NewTimer(HashWait)
	defer wait.Stop()
	select {
	case hashSlots <- struct{}{}:
	case <-wait.C:
		return errcode.RetryAfter(time.Second, "the server is busy checking other passwords; try again in a moment")
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-hashSlots }()
	f()
	return nil
}

// commonPasswords are the passwords of zxcvbn's list of the 30,000 most common ones
// (github.com/trustelem/zxcvbn/frequency, from leaked password sets) that are long
// enough to pass the length rule, lower-cased.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, p := range frequency.FrequencyLists["passwords"] {
		if utf8.RuneCountInString(p) >= MinPasswordLength {
			set[strings.ToLower(p)] = true
		}
	}
	return set
})

// CheckPasswordPolicy refuses blank passwords, passwords shorter than
// MinPasswordLength and common ones, with BAD_USER_INPUT on the field.
func CheckPasswordPolicy(pw, field string) error {
	bad := func(format string, args ...any) error {
		return errcode.New(errcode.BadUserInput, format, args...).With("field", field)
	}
	trimmed := strings.TrimSpace(pw)
	switch {
	case trimmed == "":
		return bad("the password cannot be blank")
	case utf8.RuneCountInString(trimmed) < MinPasswordLength:
		return bad("the password must have at least %d characters (not counting spaces at either end)", MinPasswordLength)
	case commonPasswords()[strings.ToLower(trimmed)]:
		return bad("this password is on a list of the most common passwords, which are tried first: choose another")
	case utf8.RuneCountInString(pw) > MaxPasswordChars:
		return bad("the password must have at most %d characters", MaxPasswordChars)
	}
	return nil
}

// HashPassword returns a PHC-format argon2id hash of a new password, after checking
// the password policy (the error's field is "password").
func HashPassword(pw string) (string, error) {
	return HashNewPassword(context.Background(), pw, "password")
}

// HashNewPassword checks the policy (errors on field) and hashes pw when a hash slot
// is free.
func HashNewPassword(ctx context.Context, pw, field string) (string, error) {
	if err := CheckPasswordPolicy(pw, field); err != nil {
		return "", err
	}
	var hash string
	var err error
	if werr := withHashSlot(ctx, func() { hash, err = hashPassword(pw) }); werr != nil {
		return "", werr
	}
	return hash, err
}

func hashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches the PHC-format hash, in constant time,
// when a hash slot is free (RATE_LIMITED when none frees up in HashWait).
func VerifyPassword(ctx context.Context, hash, pw string) (bool, error) {
	var ok bool
	err := withHashSlot(ctx, func() { ok = verifyPassword(hash, pw) })
	return ok, err
}

func verifyPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var mem, iter uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iter, &threads); err != nil {
		return false
	}
	// A stored hash asking for more than our own parameters is not ours.
	if mem > argonMemory || iter > 4*argonTime || threads > 4 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, iter, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when the email is unknown, so a wrong email costs
// as long as a wrong password and timing does not reveal which accounts exist.
var dummyHash, _ = hashPassword("not-a-real-password-at-all")
