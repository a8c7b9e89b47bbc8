// Package auth signs people in: argon2id password hashes, short-lived JWT access
// tokens, rotating refresh tokens with reuse detection, and sign-in throttling.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"tandem/ent/errcode"
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// argon2id parameters: 19 MiB, 2 passes, 1 lane (OWASP's minimum recommendation),
// fast enough for a sign-in on two cores, slow enough to hurt a stolen hash table.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// CheckPasswordPolicy refuses passwords that are too short (or longer than sign-in
// accepts).
func CheckPasswordPolicy(pw string) error {
	n := len([]rune(pw))
	if n < MinPasswordLength {
		return errcode.New(errcode.BadUserInput, "the password must have at least %d characters", MinPasswordLength).With("field", "password")
	}
	if n > MaxPasswordChars {
		return errcode.New(errcode.BadUserInput, "the password must have at most %d characters", MaxPasswordChars).With("field", "password")
	}
	return nil
}

// HashPassword returns a PHC-format argon2id hash of pw.
func HashPassword(pw string) (string, error) {
	if err := CheckPasswordPolicy(pw); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches the PHC-format hash, in constant time.
func VerifyPassword(hash, pw string) bool {
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
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, iter, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when the email is unknown, so a wrong email costs
// as long as a wrong password and timing does not reveal which accounts exist.
var dummyHash, _ = HashPassword("not-a-real-password-at-all")
