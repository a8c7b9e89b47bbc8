package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/sample"
)

// The API's hot reads and its most common write, as `make bench` measures them against
// PostGraphile (server/bench): here in process, for profiling (-cpuprofile) and for the
// statements each request costs.
const (
	benchList = `query($first:Int!){ customers(first:$first, orderBy:{field:NAME, direction:ASC}){
  edges{ node{ id name stage tier region owner{ id name }
    contacts(first:10){ edges{ node{ id name title mobile } } }
    samples(first:10){ edges{ node{ id status quantity unit requestedAt product{ id code name } } } }
  } } pageInfo{ hasNextPage endCursor } } }`
	benchAccount = `query($id:ID!){ node(id:$id){ ... on Customer { id name stage tier
  contacts(first:50){ edges{ node{ id name title } } }
  keyPersons(first:50){ edges{ node{ id decisionRole attitude contact{ id name } } } }
  interactions(first:20, orderBy:{field:OCCURRED_AT, direction:DESC}){ edges{ node{ id kind occurredAt summary } } }
  samples(first:50){ edges{ node{ id status product{ id name } } } }
  orders(first:20, orderBy:{field:ORDERED_AT, direction:DESC}){ edges{ node{ id number status lines(first:20){ edges{ node{ id quantity unit product{ id name } } } } } } }
  issues(first:20, where:{statusNotIn:[CLOSED]}){ edges{ node{ id title status severity } } } } } }`
	benchVisit = `mutation($c:ID!, $m:String!){ createInteraction(input:{customerID:$c, kind:VISIT, summary:"bench visit"}, clientMutationId:$m){ id } }`
)

// BenchmarkAPI runs each workload over a generated book (TANDEM_BENCH_CUSTOMERS, default
// 2000; TANDEM_BENCH_BACKEND picks one database) and reports statements per request.
//
//	go test -run XXX -bench API -benchtime 200x -cpuprofile /tmp/cpu.out ./server/app/
func BenchmarkAPI(b *testing.B) {
	n, list := benchBook()
	var seq atomic.Int64
	for _, backend := range list {
		t := &testing.T{}
		e := newEnv(t, backend, envOptions{})
		seedBook(b, e, n)
		seedAccountPages(b, e)
		admin, rep := e.token(e.f.admin), e.token(e.f.rep1)
		for _, w := range []struct {
			name, token, query string
			vars               func() map[string]any
		}{
			{"list50-admin", admin, benchList, func() map[string]any { return map[string]any{"first": 50} }},
			{"list50-rep", rep, benchList, func() map[string]any { return map[string]any{"first": 50} }},
			{"list100-admin", admin, benchList, func() map[string]any { return map[string]any{"first": 100} }},
			{"account", admin, benchAccount, func() map[string]any { return map[string]any{"id": e.f.acmeEast.ID} }},
			{"visit", rep, benchVisit, func() map[string]any {
				return map[string]any{"c": e.f.acmeEast.ID, "m": fmt.Sprintf("bench-%d-%d", time.Now().UnixNano(), seq.Add(1))}
			}},
		} {
			b.Run(fmt.Sprintf("%s/%d/%s", backend, n, w.name), func(b *testing.B) {
				if r := e.do(w.token, w.query, w.vars()); len(r.Errors) > 0 {
					b.Fatal(r.Errors)
				}
				before, cpu, bytes := e.statements.Load(), cpuTime(), 0
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					bytes = e.post(b, w.token, w.query, w.vars())
				}
				b.StopTimer()
				b.ReportMetric(float64(e.statements.Load()-before)/float64(b.N), "stmts/op")
				b.ReportMetric(float64(bytes), "bytes/answer")
				b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
			})
		}
		e.srv.Close()
		e.app.Close()
	}
}

// seedAccountPages gives the fixture's accounts the contacts, samples and visits an
// account page shows, and every generated account a few contacts and samples.
func seedAccountPages(b *testing.B, e *env) {
	c, ctx := e.app.DB.Client, e.sys
	accts := c.Customer.Query().Order(ent.Asc("name")).Limit(400).AllX(ctx)
	accts = append(accts, e.f.acmeEast)
	for _, a := range accts {
		c.Contact.MapCreateBulk(make([]int, 10), func(cc *ent.ContactCreate, i int) {
			cc.SetCustomerID(a.ID).SetName(fmt.Sprintf("联系人 %d", i)).SetTitle("采购经理").SetMobile("13800000000")
		}).ExecX(ctx)
		c.Sample.MapCreateBulk(make([]int, 10), func(sc *ent.SampleCreate, i int) {
			sc.SetCustomerID(a.ID).SetProductID(e.f.product.ID).SetQuantity(5).SetUnit("kg").SetStatus(sample.StatusREQUESTED)
		}).ExecX(ctx)
	}
	c.Interaction.MapCreateBulk(make([]int, 30), func(ic *ent.InteractionCreate, i int) {
		ic.SetCustomerID(e.f.acmeEast.ID).SetKind("VISIT").SetSummary(fmt.Sprintf("visit %d", i)).SetOccurredAt(time.Now().Add(-time.Duration(i) * time.Hour))
	}).ExecX(ctx)
}

// post sends one request and checks only that the answer has no errors (a benchmark
// does not decode what it is not measuring); it returns the answer's size.
func (e *env) post(b *testing.B, token, query string, vars map[string]any) int {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || bytes.Contains(raw[:min(len(raw), 64)], []byte(`"errors"`)) {
		b.Fatalf("%d: %.300s", res.StatusCode, raw)
	}
	return len(raw)
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
