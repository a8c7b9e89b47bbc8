// Package pulid holds Tandem's object identifiers: a short type prefix followed by a
// ULID (48-bit millisecond time + 80 random bits, Crockford base32). The prefix lets
// `node(id:)` find the table without a lookup; the random part makes IDs unguessable,
// so knowing one customer's ID says nothing about another's.
package pulid

import (
	"crypto/rand"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ID is a prefixed ULID, e.g. "CU01JDZ3X4K8M2N5P7Q9R1S3T5V7".
type ID string

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// New returns a fresh ID with the given two-letter prefix.
func New(prefix string) ID {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli())<<16)
	if _, err := rand.Read(b[6:]); err != nil {
		panic(fmt.Sprintf("pulid: no randomness: %v", err))
	}
	return ID(prefix + encode(b))
}

// encode writes 128 bits as 26 Crockford base32 characters (the ULID text form).
func encode(b [16]byte) string {
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	out := make([]byte, 26)
	for i := 25; i >= 0; i-- {
		out[i] = alphabet[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out)
}

// Prefix returns the type prefix of the ID ("" when malformed).
func (id ID) Prefix() string {
	if len(id) != 28 {
		return ""
	}
	return string(id[:2])
}

// Valid reports whether the ID has a prefix and a well-formed ULID body.
func (id ID) Valid() bool {
	if len(id) != 28 {
		return false
	}
	for _, c := range []byte(id[2:]) {
		if strings.IndexByte(alphabet, c) < 0 {
			return false
		}
	}
	return true
}

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		*id = ID(v)
	case []byte:
		*id = ID(string(v))
	case ID:
		*id = v
	default:
		return fmt.Errorf("pulid: cannot scan %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return string(id), nil }

// UnmarshalGQL implements graphql.Unmarshaler.
func (id *ID) UnmarshalGQL(v any) error { return id.Scan(v) }

// MarshalGQL implements graphql.Marshaler.
func (id ID) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(id))) }
