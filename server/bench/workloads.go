package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"

	"tandem/ent/schema/pulid"
)

// target is one server under test.
type target struct {
	name  string // Tandem, PostGraphile, floor, Tandem-SQLite
	kind  string // tandem, postgraphile, floor
	base  string // http://127.0.0.1:PORT
	proc  *child
	pprof string // Tandem's pprof address, when profiling
	// dbName is the PostgreSQL database, for its backends' CPU time ("" on SQLite)
	dbName string
	// Tandem sign-ins, renewed before each slice.
	admin, rep *session
	tokens     map[string]string
}

func (t *target) endpoint() string {
	if t.kind == "floor" {
		return t.base
	}
	return t.base + "/graphql"
}

// refresh renews the Tandem tokens (15-minute access tokens outlive no slice).
func (t *target) refresh(ctx context.Context) error {
	if t.kind != "tandem" {
		return nil
	}
	a, err := t.admin.get(ctx)
	if err != nil {
		return err
	}
	r, err := t.rep.get(ctx)
	if err != nil {
		return err
	}
	t.tokens = map[string]string{"admin": a, "rep": r}
	return nil
}

// fixture is what the workloads need of the book: rep1, their team, the 200 accounts
// of `account` and rep1's accounts for `visit`.
type fixture struct {
	repID, repTeam string
	accounts       []string
	repAccounts    []string
}

// request is one HTTP request of a workload.
type request struct {
	url, token string
	body       []byte
}

type workload struct {
	name string
	make func(t *target, f *fixture, k int64) request
	// canon is the answer's canonical projection (ids, names, statuses, nested counts).
	canon func(kind string, body []byte) (any, error)
	// write workloads are checked for shape only: each creates a new row.
	write bool
}

const tandemList = `query($first:Int!){ customers(first:$first, orderBy:{field:NAME, direction:ASC}){
  edges{ node{ id name stage tier region owner{ id name }
    contacts(first:10){ edges{ node{ id name title mobile } } }
    samples(first:10){ edges{ node{ id status quantity unit requestedAt product{ id code name } } } }
  } } pageInfo{ hasNextPage endCursor } } }`

// pgList: the same in PostGraphile's inflection; $team/$owner select the rep's rule
// (bench_pg.visible_customers, which returns them by name) or every account (an admin).
const pgListAdmin = `query($first:Int!){ customers: allCustomers(first:$first, orderBy:[NAME_ASC, PRIMARY_KEY_ASC], condition:{mergedIntoId:null}){
  edges{ node{ ...C } } pageInfo{ hasNextPage endCursor } } }` + pgCustomerFragment

const pgListRep = `query($first:Int!, $team:String!, $owner:String!){ customers: benchPgVisibleCustomers(team:$team, owner:$owner, first:$first){
  edges{ node{ ...C } } pageInfo{ hasNextPage endCursor } } }` + pgCustomerFragment

const pgCustomerFragment = `
fragment C on Customer { id: rowId name stage tier region owner: userByOwnerId{ id: rowId name }
  contacts: contactsByCustomerId(first:10, orderBy:PRIMARY_KEY_ASC, condition:{mergedIntoId:null}){ edges{ node{ id: rowId name title mobile } } }
  samples: samplesByCustomerId(first:10, orderBy:PRIMARY_KEY_ASC){ edges{ node{ id: rowId status quantity unit requestedAt product: productByProductId{ id: rowId code name } } } } }`

const tandemAccount = `query($id:ID!){ node(id:$id){ ... on Customer { id name stage tier
  contacts(first:50){ edges{ node{ id name title } } }
  keyPersons(first:50){ edges{ node{ id decisionRole attitude contact{ id name } } } }
  interactions(first:20, orderBy:{field:OCCURRED_AT, direction:DESC}){ edges{ node{ id kind occurredAt summary } } }
  samples(first:50){ edges{ node{ id status product{ id name } } } }
  orders(first:20, orderBy:{field:ORDERED_AT, direction:DESC}){ edges{ node{ id number status lines(first:10){ edges{ node{ id quantity unit product{ id name } } } } } } }
  issues(first:20, where:{statusNotIn:[CLOSED]}){ edges{ node{ id title status severity } } } } } }`

const pgAccount = `query($id:String!){ node: customerByRowId(rowId:$id){ id: rowId name stage tier
  contacts: contactsByCustomerId(first:50, orderBy:PRIMARY_KEY_ASC, condition:{mergedIntoId:null}){ edges{ node{ id: rowId name title } } }
  keyPersons: keyPeopleByCustomerId(first:50, orderBy:PRIMARY_KEY_ASC){ edges{ node{ id: rowId decisionRole attitude contact: contactByContactId{ id: rowId name } } } }
  interactions: interactionsByCustomerId(first:20, orderBy:[OCCURRED_AT_DESC, PRIMARY_KEY_DESC]){ edges{ node{ id: rowId kind occurredAt summary } } }
  samples: samplesByCustomerId(first:50, orderBy:PRIMARY_KEY_ASC){ edges{ node{ id: rowId status product: productByProductId{ id: rowId name } } } }
  orders: ordersByCustomerId(first:20, orderBy:[ORDERED_AT_DESC, PRIMARY_KEY_DESC]){ edges{ node{ id: rowId number status
    lines: orderLinesByOrderId(first:10, orderBy:PRIMARY_KEY_ASC){ edges{ node{ id: rowId quantity unit product: productByProductId{ id: rowId name } } } } } } }
  issues: openIssues(first:20){ edges{ node{ id: rowId title status severity } } } } }`

const tandemVisit = `mutation($c:ID!, $m:String!, $s:String!){ createInteraction(input:{customerID:$c, kind:VISIT, summary:$s}, clientMutationId:$m){ id } }`

const pgVisit = `mutation($id:String!, $c:String!, $a:String!, $s:String!, $t:Datetime!){ createInteraction(input:{interaction:{
  rowId:$id, createdAt:$t, updatedAt:$t, kind:"VISIT", phase:"PRE_SALE", occurredAt:$t, loggedAt:$t, summary:$s, private:false, customerId:$c, authorId:$a}}){ interaction{ id: rowId } } }`

var requestSeq atomic.Int64

func listWorkload(name string, first int, rep bool) workload {
	return workload{
		name: name,
		make: func(t *target, f *fixture, _ int64) request {
			switch t.kind {
			case "tandem":
				who := "admin"
				if rep {
					who = "rep"
				}
				return request{t.endpoint(), t.tokens[who], gqlBody(tandemList, map[string]any{"first": first})}
			case "postgraphile":
				if rep {
					return request{t.endpoint(), "", gqlBody(pgListRep, map[string]any{"first": first, "team": f.repTeam, "owner": f.repID})}
				}
				return request{t.endpoint(), "", gqlBody(pgListAdmin, map[string]any{"first": first})}
			default:
				q := url.Values{"first": {fmt.Sprint(first)}}
				if rep {
					q.Set("rep", "1")
					q.Set("team", f.repTeam)
					q.Set("owner", f.repID)
				}
				return request{t.endpoint() + "/list?" + q.Encode(), "", nil}
			}
		},
		canon: canonList,
	}
}

func accountWorkload() workload {
	return workload{
		name: "account",
		make: func(t *target, f *fixture, k int64) request {
			id := f.accounts[int(k)%len(f.accounts)]
			switch t.kind {
			case "tandem":
				return request{t.endpoint(), t.tokens["admin"], gqlBody(tandemAccount, map[string]any{"id": id})}
			case "postgraphile":
				return request{t.endpoint(), "", gqlBody(pgAccount, map[string]any{"id": id})}
			default:
				return request{t.endpoint() + "/account?" + url.Values{"id": {id}}.Encode(), "", nil}
			}
		},
		canon: canonAccount,
	}
}

func visitWorkload() workload {
	return workload{
		name:  "visit",
		write: true,
		make: func(t *target, f *fixture, k int64) request {
			c := f.repAccounts[int(k)%len(f.repAccounts)]
			n := requestSeq.Add(1)
			summary := fmt.Sprintf("bench visit %d", n)
			switch t.kind {
			case "tandem":
				return request{t.endpoint(), t.tokens["rep"], gqlBody(tandemVisit, map[string]any{"c": c, "m": fmt.Sprintf("bench-%s-%d", benchRun, n), "s": summary})}
			case "postgraphile":
				return request{t.endpoint(), "", gqlBody(pgVisit, map[string]any{"id": string(pulid.New("IN")), "c": c, "a": f.repID, "s": summary, "t": nowRFC3339()})}
			default:
				q := url.Values{"id": {string(pulid.New("IN"))}, "customer": {c}, "author": {f.repID}, "summary": {summary}}
				return request{t.endpoint() + "/visit?" + q.Encode(), "", nil}
			}
		},
		canon: canonVisit,
	}
}

func allWorkloads() []workload {
	return []workload{
		listWorkload("list50-admin", 50, false),
		listWorkload("list100-admin", 100, false),
		listWorkload("list50-rep", 50, true),
		listWorkload("list100-rep", 100, true),
		accountWorkload(),
		visitWorkload(),
	}
}

// The canonical projections. Nested lists are compared as sorted sets of ids with
// their statuses: every page in the book is shorter than its `first`, so order ties
// cannot make a difference between servers.

type edges[T any] struct {
	Edges []struct{ Node T } `json:"edges"`
}

type idName struct{ ID, Name string }

type listAnswer struct {
	Data struct {
		Customers struct {
			Edges []struct {
				Node struct {
					ID, Name, Stage, Region string
					Tier                    *string
					Owner                   *idName
					Contacts                edges[struct{ ID, Name string }]
					Samples                 edges[struct {
						ID, Status string
						Product    struct{ ID, Code string }
					}]
				}
			}
			PageInfo struct{ HasNextPage bool }
		}
	}
}

func canonList(_ string, body []byte) (any, error) {
	var a listAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, err
	}
	var out []string
	for _, e := range a.Data.Customers.Edges {
		n := e.Node
		var cs, ss []string
		for _, c := range n.Contacts.Edges {
			cs = append(cs, c.Node.ID+" "+c.Node.Name)
		}
		for _, s := range n.Samples.Edges {
			ss = append(ss, s.Node.ID+" "+s.Node.Status+" "+s.Node.Product.Code)
		}
		sort.Strings(cs)
		sort.Strings(ss)
		owner := ""
		if n.Owner != nil {
			owner = n.Owner.ID + " " + n.Owner.Name
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|contacts %d %s|samples %d %s", n.ID, n.Name, n.Stage, deref(n.Tier), n.Region, owner,
			len(cs), strings.Join(cs, ","), len(ss), strings.Join(ss, ",")))
	}
	out = append(out, fmt.Sprintf("hasNextPage=%v", a.Data.Customers.PageInfo.HasNextPage))
	return out, nil
}

type accountAnswer struct {
	Data struct {
		Node *struct {
			ID, Name, Stage string
			Tier            *string
			Contacts        edges[idName]
			KeyPersons      edges[struct {
				ID, DecisionRole string
				Contact          idName
			}]
			Interactions edges[struct{ ID, Kind string }]
			Samples      edges[struct{ ID, Status string }]
			Orders       edges[struct {
				ID, Number, Status string
				Lines              edges[struct{ ID string }]
			}]
			Issues edges[struct{ ID, Status string }]
		}
	}
}

func canonAccount(_ string, body []byte) (any, error) {
	var a accountAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, err
	}
	n := a.Data.Node
	if n == nil {
		return nil, fmt.Errorf("no account in the answer: %.300s", body)
	}
	set := func(xs []string) string {
		sort.Strings(xs)
		return fmt.Sprintf("%d[%s]", len(xs), strings.Join(xs, ","))
	}
	var co, kp, in, sa, or, is []string
	for _, e := range n.Contacts.Edges {
		co = append(co, e.Node.ID+" "+e.Node.Name)
	}
	for _, e := range n.KeyPersons.Edges {
		kp = append(kp, e.Node.ID+" "+e.Node.DecisionRole+" "+e.Node.Contact.ID)
	}
	for _, e := range n.Interactions.Edges {
		in = append(in, e.Node.ID+" "+e.Node.Kind)
	}
	for _, e := range n.Samples.Edges {
		sa = append(sa, e.Node.ID+" "+e.Node.Status)
	}
	for _, e := range n.Orders.Edges {
		or = append(or, fmt.Sprintf("%s %s %s lines=%d", e.Node.ID, e.Node.Number, e.Node.Status, len(e.Node.Lines.Edges)))
	}
	for _, e := range n.Issues.Edges {
		is = append(is, e.Node.ID+" "+e.Node.Status)
	}
	return []string{n.ID, n.Name, n.Stage, deref(n.Tier), "contacts " + set(co), "keyPersons " + set(kp), "interactions " + set(in),
		"samples " + set(sa), "orders " + set(or), "issues " + set(is)}, nil
}

// canonVisit: a created interaction's id, whatever its value.
func canonVisit(_ string, body []byte) (any, error) {
	var a struct {
		Data struct {
			CreateInteraction struct {
				ID          string
				Interaction *struct{ ID string }
			}
		}
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, err
	}
	id := a.Data.CreateInteraction.ID
	if a.Data.CreateInteraction.Interaction != nil {
		id = a.Data.CreateInteraction.Interaction.ID
	}
	if pulid.TypeOf(pulid.ID(id)) != "Interaction" {
		return nil, fmt.Errorf("no interaction id in %.300s", body)
	}
	return "created an interaction", nil
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}
