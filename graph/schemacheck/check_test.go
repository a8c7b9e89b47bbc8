package main

import (
	"os"
	"strings"
	"testing"
)

// base is the old schema of every case; each case edits it into the new one.
const base = `
type Query {
  customers(first: Int, after: String): [Customer!]!
  customer(id: ID!): Customer
  legacy: String @deprecated(reason: "use customers")
}

interface Node { id: ID! }

type Customer implements Node {
  id: ID!
  name: String!
  website: String
  stage: Stage!
  fax: String @deprecated(reason: "nobody faxes")
  tags: [String!]!
}

enum Stage { LEAD CONTACTED TRIAL OLD_STAGE @deprecated }

input CustomerInput {
  name: String!
  website: String
}

type Mutation {
  createCustomer(input: CustomerInput!): Customer!
}
`

// r is one replacement of old text (occurring exactly once) by new text.
type r struct{ old, new string }

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		edits []r // turn base into the new schema
		want  []string
	}{
		{"no change", nil, nil},
		{"new field", []r{{"  tags: [String!]!\n", "  tags: [String!]!\n  score: Float\n  owner: Customer!\n"}}, nil},
		{"new type", []r{{"enum Stage", "type Team { id: ID! }\nenum Stage"}}, nil},
		{"field removed", []r{{"  website: String\n  stage", "  stage"}}, []string{"Customer.website: field removed"}},
		{"deprecated field removed", []r{{"  fax: String @deprecated(reason: \"nobody faxes\")\n", ""}}, nil},
		{"deprecated root field removed", []r{{"  legacy: String @deprecated(reason: \"use customers\")\n", ""}}, nil},
		{"nullable to non-null output", []r{{"  website: String\n  stage", "  website: String!\n  stage"}}, nil},
		{"non-null to nullable output", []r{{"  name: String!\n  website: String\n  stage", "  name: String\n  website: String\n  stage"}},
			[]string{"Customer.name: type changed from String! to String"}},
		{"list element made nullable", []r{{"tags: [String!]!", "tags: [String]!"}}, []string{"Customer.tags: type changed from [String!]! to [String]!"}},
		{"output type changed", []r{{"  website: String\n  stage", "  website: Int\n  stage"}}, []string{"Customer.website: type changed from String to Int"}},
		{"deprecated field type changed", []r{{"fax: String", "fax: Int"}}, nil},
		{"new optional argument", []r{{"customer(id: ID!)", "customer(id: ID!, withDeleted: Boolean)"}}, nil},
		{"new required argument with default", []r{{"customer(id: ID!)", "customer(id: ID!, withDeleted: Boolean! = false)"}}, nil},
		{"new required argument", []r{{"customer(id: ID!)", "customer(id: ID!, team: ID!)"}}, []string{"Query.customer(team): new required argument ID! without a default"}},
		{"argument removed", []r{{"customers(first: Int, after: String)", "customers(first: Int)"}}, []string{"Query.customers(after): argument removed"}},
		{"argument made required", []r{{"customers(first: Int,", "customers(first: Int!,"}}, []string{"Query.customers(first): argument type changed from Int to Int!"}},
		{"argument made optional", []r{{"customer(id: ID!)", "customer(id: ID)"}}, nil},
		{"argument type changed", []r{{"customer(id: ID!)", "customer(id: String!)"}}, []string{"Query.customer(id): argument type changed from ID! to String!"}},
		{"enum value removed", []r{{"LEAD CONTACTED TRIAL", "LEAD CONTACTED"}}, []string{"Stage.TRIAL: enum value removed"}},
		{"deprecated enum value removed", []r{{"TRIAL OLD_STAGE @deprecated }", "TRIAL }"}}, nil},
		{"enum value added", []r{{"enum Stage { LEAD", "enum Stage { NEW LEAD"}}, nil},
		{"type removed", []r{{"interface Node { id: ID! }", ""}, {"implements Node ", ""}}, []string{"Customer: no longer implements Node", "Node: interface removed"}},
		{"object type removed", []r{{"  customer(id: ID!): Customer\n", ""}, {"Query {\n  customers(first: Int, after: String): [Customer!]!", "Query {\n  count: Int"},
			{"type Customer implements", "type Client implements"}, {"): Customer!", "): Client!"}}, []string{
			"Customer: type removed",
			"Mutation.createCustomer: type changed from Customer! to Client!",
			"Query.customer: field removed",
			"Query.customers: field removed",
		}},
		{"input type removed", []r{{"input CustomerInput", "input NewCustomer"}, {"(input: CustomerInput!)", "(input: NewCustomer!)"}},
			[]string{"CustomerInput: input removed", "Mutation.createCustomer(input): argument type changed from CustomerInput! to NewCustomer!"}},
		{"new required input field", []r{{"  website: String\n}", "  website: String\n  country: String!\n}"}}, []string{"CustomerInput.country: new required input field String! without a default"}},
		{"new optional input field", []r{{"  website: String\n}", "  website: String\n  country: String\n}"}}, nil},
		{"input field removed", []r{{"  name: String!\n  website: String\n}", "  name: String!\n}"}}, []string{"CustomerInput.website: input field removed"}},
		{"input field made optional", []r{{"input CustomerInput {\n  name: String!", "input CustomerInput {\n  name: String"}}, nil},
		{"input field made required", []r{{"  website: String\n}", "  website: String!\n}"}}, []string{"CustomerInput.website: input field type changed from String to String!"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			newSDL := base
			for _, e := range tc.edits {
				if n := strings.Count(newSDL, e.old); n != 1 {
					t.Fatalf("%q occurs %d times in the schema", e.old, n)
				}
				newSDL = strings.Replace(newSDL, e.old, e.new, 1)
			}
			got := run(t, base, newSDL)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s\nnew schema:\n%s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "), newSDL)
			}
		})
	}
}

func TestKindChanged(t *testing.T) {
	got := run(t, "type Query { a: A }\ntype A { x: Int }", "type Query { a: A }\ninterface A { x: Int }")
	if len(got) != 1 || got[0] != "A: changed from type to interface" {
		t.Fatalf("got %q", got)
	}
}

func TestUnionMemberRemoved(t *testing.T) {
	old := "type Query { u: U }\ntype A { x: Int }\ntype B { y: Int }\nunion U = A | B"
	got := run(t, old, "type Query { u: U }\ntype A { x: Int }\ntype B { y: Int }\nunion U = A")
	if len(got) != 1 || got[0] != "U: union member B removed" {
		t.Fatalf("got %q", got)
	}
}

// The repository's own schema compared with itself has no breaking change.
func TestRepositorySchemaAgainstItself(t *testing.T) {
	b, err := os.ReadFile("../schema.graphql")
	if err != nil {
		t.Skip("graph/schema.graphql not found:", err)
	}
	if got := run(t, string(b), string(b)); len(got) != 0 {
		t.Fatalf("got %q", got)
	}
}

func run(t *testing.T, oldSDL, newSDL string) []string {
	t.Helper()
	o, err := parse("old.graphql", oldSDL)
	if err != nil {
		t.Fatal(err)
	}
	n, err := parse("new.graphql", newSDL)
	if err != nil {
		t.Fatal(err)
	}
	return check(o, n)
}
