package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

// msg is one frontend message: type byte, int32 length, body.
func msg(typ byte, parts ...string) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
		body = append(body, 0)
	}
	out := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(out[1:], uint32(len(body)+4))
	return append(out, body...)
}

func startup(code uint32, rest string) []byte {
	out := make([]byte, 8, 8+len(rest))
	binary.BigEndian.PutUint32(out[:4], uint32(8+len(rest)))
	binary.BigEndian.PutUint32(out[4:], code)
	return append(out, rest...)
}

func TestFrontendReaderCountsQueriesAndExecutes(t *testing.T) {
	var in bytes.Buffer
	in.Write(startup(sslRequestCode, ""))
	in.Write(startup(196608, "user\x00bench\x00\x00"))
	in.Write(msg('Q', "BEGIN"))
	in.Write(msg('P', "", "SELECT id FROM customers WHERE id = $1")) // unnamed statement
	in.Write(msg('B', "", "", "\x00\x00"))
	in.Write(msg('D', "P"))
	in.Write(msg('E', "", "\x00\x00\x00"))
	in.Write(msg('S'))
	in.Write(msg('P', "s7", "commit"))
	in.Write(msg('B', "p1", "s7"))
	in.Write(msg('E', "p1"))
	in.Write(msg('H'))
	in.Write(msg('Q', "SELECT 1"))
	in.Write(msg('Q', "rollback to savepoint a"))
	in.Write(msg('X'))
	sent := append([]byte(nil), in.Bytes()...)

	var out bytes.Buffer
	var c stmtCounts
	err := newFrontendReader().pump(bufio.NewReader(&in), &out, &c)
	if err == nil || err.Error() != "EOF" {
		t.Fatalf("pump ended with %v, want EOF", err)
	}
	if !bytes.Equal(out.Bytes(), sent) {
		t.Fatalf("the proxy changed the bytes it forwarded")
	}
	if got := c.statements.Load(); got != 5 {
		t.Errorf("statements = %d, want 5 (3 Q, 2 E)", got)
	}
	if got := c.txControl.Load(); got != 2 {
		t.Errorf("transaction controls = %d, want 2 (BEGIN, commit)", got)
	}
}

func TestIsTxControl(t *testing.T) {
	for q, want := range map[string]bool{
		"BEGIN": true, "begin isolation level read committed": true, "COMMIT": true, " rollback ": true,
		"START TRANSACTION READ ONLY": true, "END": true, "ROLLBACK TO SAVEPOINT x": false,
		"SELECT 1": false, "BEGINNING": false, "": false, "SAVEPOINT a": false,
	} {
		if got := isTxControl(q); got != want {
			t.Errorf("isTxControl(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestParseStatTicks(t *testing.T) {
	line := "4242 (tandem (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 9 0 1000 0 0"
	got, err := parseStatTicks(line)
	if err != nil || got != 287 {
		t.Fatalf("parseStatTicks = %d, %v; want 287", got, err)
	}
}

// The same page in Tandem's shape and in PostGraphile's (aliased to the same names),
// nested items in another order: the canonical projections are equal.
const tandemListJSON = `{"data":{"customers":{"edges":[{"node":{"id":"CU1","name":"A","stage":"TRIAL","tier":"B","region":"江苏苏州",
 "owner":{"id":"US1","name":"Rep"},
 "contacts":{"edges":[{"node":{"id":"CO1","name":"王伟","title":"x","mobile":"1"}},{"node":{"id":"CO2","name":"李娜"}}]},
 "samples":{"edges":[{"node":{"id":"SA1","status":"SHIPPED","quantity":2,"product":{"id":"PR1","code":"P-1","name":"p"}}}]}}}],
 "pageInfo":{"hasNextPage":true,"endCursor":"opaque"}}}}`

const pgListJSON = `{"data":{"customers":{"edges":[{"node":{"id":"CU1","name":"A","stage":"TRIAL","tier":"B","region":"江苏苏州",
 "owner":{"id":"US1","name":"Rep"},
 "contacts":{"edges":[{"node":{"id":"CO2","name":"李娜"}},{"node":{"id":"CO1","name":"王伟","title":"x","mobile":"1"}}]},
 "samples":{"edges":[{"node":{"id":"SA1","status":"SHIPPED","quantity":2.0,"product":{"id":"PR1","code":"P-1","name":"p"}}}]}}}],
 "pageInfo":{"hasNextPage":true,"endCursor":"WyJuYXR1cmFsIl0="}}}}`

func TestCanonListIgnoresNestedOrderAndCursors(t *testing.T) {
	a, err := canonList("tandem", []byte(tandemListJSON))
	if err != nil {
		t.Fatal(err)
	}
	b, err := canonList("postgraphile", []byte(pgListJSON))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("projections differ:\n%v\n%v", a, b)
	}
	changed, _ := canonList("floor", bytes.Replace([]byte(pgListJSON), []byte(`"SHIPPED"`), []byte(`"RECEIVED"`), 1))
	if reflect.DeepEqual(a, changed) {
		t.Fatal("a sample's status changed and the projections are still equal")
	}
	fewer, _ := canonList("floor", bytes.Replace([]byte(pgListJSON), []byte(`{"node":{"id":"CO2","name":"李娜"}},`), nil, 1))
	if reflect.DeepEqual(a, fewer) {
		t.Fatal("a contact is missing and the projections are still equal")
	}
}

func TestCanonAccount(t *testing.T) {
	if _, err := canonAccount("tandem", []byte(`{"data":{"node":null}}`)); err == nil {
		t.Fatal("an answer without the account must fail the check")
	}
	a, err := canonAccount("tandem", []byte(`{"data":{"node":{"id":"CU1","name":"A","stage":"LOST","tier":null,
	  "orders":{"edges":[{"node":{"id":"OR1","number":"N","status":"OPEN","lines":{"edges":[{"node":{"id":"OL1"}},{"node":{"id":"OL2"}}]}}}]},
	  "issues":{"edges":[{"node":{"id":"IS1","status":"OPEN"}}]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CU1", "A", "LOST", "-", "contacts 0[]", "keyPersons 0[]", "interactions 0[]", "samples 0[]",
		"orders 1[OR1 N OPEN lines=2]", "issues 1[IS1 OPEN]"}
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("got %q\nwant %q", a, want)
	}
}

func TestCanonVisitNeedsAnInteractionID(t *testing.T) {
	if _, err := canonVisit("tandem", []byte(`{"data":{"createInteraction":{"id":"IN01JDZ3X4K8M2N5P7Q9R1S3T5V7"}}}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := canonVisit("postgraphile", []byte(`{"data":{"createInteraction":{"interaction":{"id":"IN01JDZ3X4K8M2N5P7Q9R1S3T5V7"}}}}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := canonVisit("floor", []byte(`{"data":{"createInteraction":null}}`)); err == nil {
		t.Fatal("no id must fail the check")
	}
}

func TestDBDeltaCountsNewBackendsAndFlagsEndedOnes(t *testing.T) {
	before := map[int]int64{10: 100, 11: 50, 12: 7}
	after := map[int]int64{10: 130, 12: 7, 13: 20}
	ticks, ended := dbDelta(before, after)
	if ticks != 50 || ended != 1 {
		t.Fatalf("dbDelta = %d, %d; want 50 (30 + 0 + 20 new), 1 ended", ticks, ended)
	}
}
