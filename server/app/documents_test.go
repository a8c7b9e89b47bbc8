package app_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
	"tandem/graph"
)

// upload posts a GraphQL multipart request (operations, map, one file part) with the
// file at variable path filePath (e.g. "variables.input.file").
func (e *env) uploadFile(token, query string, vars map[string]any, filePath, fileName, contentType string, data []byte) *gqlResponse {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_ = mw.WriteField("operations", string(ops))
	m, _ := json.Marshal(map[string][]string{"0": {filePath}})
	_ = mw.WriteField("map", string(m))
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="0"; filename="%s"`, strings.ReplaceAll(fileName, `"`, `\"`)))
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	part, err := mw.CreatePart(h)
	if err != nil {
		e.t.Fatal(err)
	}
	_, _ = part.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		e.t.Fatalf("not JSON (%d): %s", res.StatusCode, raw)
	}
	return out
}

// storedFiles lists the files under <data-dir>/files, temporary ones included.
func (e *env) filesOnDisk() []string {
	e.t.Helper()
	root := filepath.Join(e.app.Config.DataDir, "files")
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if os.IsNotExist(err) {
			return filepath.SkipAll
		}
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// get fetches a path of the test server.
func (e *env) fetch(path string, header ...string) (*http.Response, []byte) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

const uploadMutation = `mutation($input: UploadDocumentInput!, $m: String) {
  uploadDocument(input: $input, clientMutationId: $m) { id title type fileName contentType sizeBytes sha256 downloadURL batchNo product { id } customer { id } }
}`

func samplePDF(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%% line %d: Antioxidant 1010 certificate of analysis, batch 2405-17\n", i)
	}
	return b.Bytes()[:n]
}

func TestDocumentUploadAndDownload(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		data := samplePDF(200_000)
		sum := sha256.Sum256(data)
		name := "质检报告 COA \"2405-17\".pdf"
		vars := map[string]any{"input": map[string]any{
			"file": nil, "type": "COA", "title": "COA batch 2405-17", "productID": e.f.product.ID, "batchNo": "2405-17",
		}}
		before := time.Now()
		r := e.uploadFile(mgr, uploadMutation, vars, "variables.input.file", name, "application/pdf", data)
		if len(r.Errors) > 0 {
			t.Fatalf("upload: %+v", r.Errors)
		}
		d := dig(r.Data, "uploadDocument")
		if dig(d, "sha256") != hex.EncodeToString(sum[:]) {
			t.Fatalf("sha256 %v, want %x", dig(d, "sha256"), sum)
		}
		if num(dig(d, "sizeBytes")) != len(data) || dig(d, "contentType") != "application/pdf" || dig(d, "fileName") != name ||
			dig(d, "type") != "COA" || dig(d, "batchNo") != "2405-17" || idOf(dig(d, "product", "id")) != e.f.product.ID {
			t.Fatalf("document: %v", d)
		}
		id := idOf(dig(d, "id"))

		// The file is on disk under <data-dir>/files at the recorded key, byte for byte.
		doc := e.app.DB.Client.Document.GetX(e.sys, id)
		if doc.StorageKey == "" || strings.Contains(doc.StorageKey, "COA") {
			t.Fatalf("storage key %q", doc.StorageKey)
		}
		onDisk, err := os.ReadFile(filepath.Join(e.app.Config.DataDir, "files", filepath.FromSlash(doc.StorageKey)))
		if err != nil || !bytes.Equal(onDisk, data) {
			t.Fatalf("file on disk: %d bytes, err %v", len(onDisk), err)
		}
		if files := e.filesOnDisk(); len(files) != 1 {
			t.Fatalf("stored files: %v", files)
		}

		// The download link is short-lived and returns the same bytes.
		link, _ := dig(d, "downloadURL").(string)
		u, err := url.Parse(link)
		if err != nil || u.Path != "/documents/"+string(id)+"/download" {
			t.Fatalf("downloadURL %q", link)
		}
		exp, _ := strconv.ParseInt(u.Query().Get("exp"), 10, 64)
		if lo, hi := before.Add(9*time.Minute).Unix(), time.Now().Add(10*time.Minute).Unix(); exp < lo || exp > hi {
			t.Fatalf("exp %d not ten minutes ahead (%d..%d)", exp, lo, hi)
		}
		res, body := e.fetch(link)
		if res.StatusCode != http.StatusOK || !bytes.Equal(body, data) {
			t.Fatalf("download: %d, %d bytes", res.StatusCode, len(body))
		}
		if got := res.Header.Get("Content-Type"); got != "application/pdf" {
			t.Errorf("Content-Type %q", got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("X-Content-Type-Options %q", got)
		}
		if got := res.Header.Get("ETag"); got != `"`+hex.EncodeToString(sum[:])+`"` {
			t.Errorf("ETag %q", got)
		}
		cd := res.Header.Get("Content-Disposition")
		_, enc, ok := strings.Cut(cd, "filename*=UTF-8''")
		if dec, err := url.PathUnescape(enc); !ok || err != nil || dec != name || !strings.HasPrefix(cd, "attachment;") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if res, _ := e.fetch(link, "If-None-Match", res.Header.Get("ETag")); res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match: %d", res.StatusCode)
		}

		// A tampered link, another document's ID, or no signature: 403.
		q := u.Query()
		sig := q.Get("sig")
		flip := map[byte]byte{'0': '1'}[sig[len(sig)-1]]
		if flip == 0 {
			flip = '0'
		}
		for what, path := range map[string]string{
			"tampered sig":  u.Path + "?exp=" + q.Get("exp") + "&sig=" + sig[:len(sig)-1] + string(flip),
			"later exp":     u.Path + "?exp=" + strconv.FormatInt(exp+3600, 10) + "&sig=" + sig,
			"no sig":        u.Path + "?exp=" + q.Get("exp"),
			"other id":      "/documents/" + string(pulid.New("DO")) + "/download?" + u.RawQuery,
			"malformed sig": u.Path + "?exp=" + q.Get("exp") + "&sig=zz",
		} {
			if res, body := e.fetch(path); res.StatusCode != http.StatusForbidden || bytes.Contains(body, data[:64]) {
				t.Errorf("%s: %d", what, res.StatusCode)
			}
		}
		// Correctly signed but expired: 403; the same key with a future expiry works,
		// so the refusal is the expiry's.
		key := graph.DownloadKey([]byte(testSecret))
		if res, _ := e.fetch(graph.SignDownload(key, id, time.Now().Add(-time.Second))); res.StatusCode != http.StatusForbidden {
			t.Errorf("expired link: %d", res.StatusCode)
		}
		if res, body := e.fetch(graph.SignDownload(key, id, time.Now().Add(time.Minute))); res.StatusCode != http.StatusOK || !bytes.Equal(body, data) {
			t.Errorf("freshly signed link: %d", res.StatusCode)
		}
		// A valid signature for a document that does not exist: 404.
		if res, _ := e.fetch(graph.SignDownload(key, pulid.New("DO"), time.Now().Add(time.Minute))); res.StatusCode != http.StatusNotFound {
			t.Errorf("missing document: %d", res.StatusCode)
		}

		// A batch COA belongs to the customers the batch goes to: one on no order line
		// yet is read by managers (who keep the quality records), admins and analysts,
		// not by reps (TestDocumentAccess has the whole rule). The link works without a
		// token.
		for _, u := range []string{e.token(e.f.manager), e.token(e.f.analyst)} {
			d := e.ok(u, `query($id: ID!) { node(id: $id) { ... on Document { id sha256 downloadURL } } }`, map[string]any{"id": id})
			link, _ := dig(d, "node", "downloadURL").(string)
			if idOf(dig(d, "node", "id")) != id || link == "" {
				t.Fatalf("node: %v", d)
			}
			if res, body := e.fetch(link); res.StatusCode != http.StatusOK || !bytes.Equal(body, data) {
				t.Fatalf("download by another team: %d", res.StatusCode)
			}
		}
	})
}

func TestDocumentUploadRefusals(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr, rep := e.token(e.f.manager), e.token(e.f.rep1)
		docs := func() int { return e.app.DB.Client.Document.Query().CountX(e.sys) }
		in := func(extra map[string]any) map[string]any {
			input := map[string]any{"file": nil, "type": "MSDS", "title": "MSDS Antioxidant 1010"}
			for k, v := range extra {
				input[k] = v
			}
			return map[string]any{"input": input}
		}
		data := samplePDF(5000)

		// A rep may not upload: FORBIDDEN, nothing stored, no row.
		r := e.uploadFile(rep, uploadMutation, in(nil), "variables.input.file", "msds.pdf", "application/pdf", data)
		expectCode(t, r, "FORBIDDEN")
		if files := e.filesOnDisk(); len(files) != 0 || docs() != 0 {
			t.Fatalf("after a refused upload: files %v, %d documents", files, docs())
		}

		for _, c := range []struct {
			what, name, ctype string
			data              []byte
			extra             map[string]any
			field             string
		}{
			{"empty file", "msds.pdf", "application/pdf", nil, nil, "file"},
			{"executable", "setup.exe", "application/x-msdownload", data, nil, "file"},
			{"html", "page.html", "text/html", []byte("<script>alert(1)</script>"), nil, "file"},
			{"unknown type by extension", "archive.zip", "application/octet-stream", data, nil, "file"},
			{"blank title", "msds.pdf", "application/pdf", data, map[string]any{"title": "   "}, "title"},
			// Passes the resolver's checks, fails ent's validation after the file is stored.
			{"title too long", "msds.pdf", "application/pdf", data, map[string]any{"title": strings.Repeat("t", 301)}, "title"},
		} {
			r := e.uploadFile(mgr, uploadMutation, in(c.extra), "variables.input.file", c.name, c.ctype, c.data)
			if r.code() != "BAD_USER_INPUT" || dig(r.Data, "uploadDocument") != nil {
				t.Errorf("%s: want BAD_USER_INPUT, got %q %+v", c.what, r.code(), r.Errors)
				continue
			}
			if f, _ := r.Errors[0].Extensions["field"].(string); f != c.field {
				t.Errorf("%s: field %q, want %q", c.what, f, c.field)
			}
		}
		if files := e.filesOnDisk(); len(files) != 0 || docs() != 0 {
			t.Fatalf("after refused uploads: files %v, %d documents", files, docs())
		}

		// A customer-specific document needs a customer the uploader sees.
		r = e.uploadFile(mgr, uploadMutation, in(map[string]any{"customerID": e.f.southAcct.ID}), "variables.input.file", "msds.pdf", "application/pdf", data)
		expectCode(t, r, "NOT_FOUND")

		// When a later field of the same mutation fails, the transaction rolls back and
		// the stored file goes with it.
		two := `mutation($input: UploadDocumentInput!) {
  uploadDocument(input: $input) { id }
  issueChangeNotice(input: {id: "CN_does_not_exist"}) { id }
}`
		r = e.uploadFile(mgr, two, in(nil), "variables.input.file", "msds.pdf", "application/pdf", data)
		if len(r.Errors) == 0 {
			t.Fatal("want an error from issueChangeNotice")
		}
		if files := e.filesOnDisk(); len(files) != 0 || docs() != 0 {
			t.Fatalf("after a rolled-back upload: files %v, %d documents", files, docs())
		}

		// No content type sent: taken from the extension. A retried upload with the
		// same clientMutationId returns the first document and stores nothing new.
		vars := in(map[string]any{"customerID": e.f.acmeEast.ID})
		vars["m"] = "upload-7f3a"
		first := dig(e.uploadFile(mgr, uploadMutation, vars, "variables.input.file", "Blatt.xlsx", "", data).Data, "uploadDocument")
		again := dig(e.uploadFile(mgr, uploadMutation, vars, "variables.input.file", "Blatt.xlsx", "", data).Data, "uploadDocument")
		if first == nil || dig(first, "id") != dig(again, "id") {
			t.Fatalf("replay: %v vs %v", first, again)
		}
		if dig(first, "contentType") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" || idOf(dig(first, "customer", "id")) != e.f.acmeEast.ID {
			t.Fatalf("document: %v", first)
		}
		if files := e.filesOnDisk(); len(files) != 1 || docs() != 1 {
			t.Fatalf("after a replayed upload: files %v, %d documents", files, docs())
		}
		if n := e.app.DB.Client.Document.Query().Where(document.TypeEQ(document.TypeMSDS)).CountX(e.sys); n != 1 {
			t.Fatalf("MSDS documents: %d", n)
		}
	})
}

// Change notices.

// buy records an order of qty of the product for the customer, ordered at at.
func (e *env) placeOrder(cu *ent.Customer, p *ent.Product, number string, at time.Time, qty float64, unit string, status order.Status) *ent.Order {
	e.t.Helper()
	c := e.app.DB.Client
	o := c.Order.Create().SetCustomerID(cu.ID).SetNumber(number).SetOrderedAt(at.UTC()).SetStatus(status).SaveX(e.sys)
	// Written as history: a line of an order already closed or cancelled (frozen now).
	c.OrderLine.Create().SetOrderID(o.ID).SetProductID(p.ID).SetQuantity(qty).SetUnit(unit).SaveX(history.Importing(e.sys))
	return o
}

func cnIDs(v any) []string {
	var out []string
	for _, x := range cnList(v) {
		if m, ok := x.(map[string]any); ok {
			s, _ := m["id"].(string)
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func cnList(v any) []any { l, _ := v.([]any); return l }

func cnCustomerIDs(cs ...*ent.Customer) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.ID))
	}
	sort.Strings(out)
	return out
}

func cnSame(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const noticeQuery = `query($id: ID!) { node(id: $id) { ... on ChangeNotice { id status issuedAt version complete
  affectedCustomers { id } pendingAcks { id customer { id } } } } }`

func TestChangeNoticeIssueAndAcknowledge(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		other := c.Product.Create().SetCode("TX-UV531").SetName("UV absorber 531").SaveX(e.sys)
		cancelledCo := c.Customer.Create().SetName("Cancelled Co").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SetStage(customer.StageVISITED).SaveX(e.sys)
		otherProductCo := c.Customer.Create().SetName("Other Product Co").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SetStage(customer.StageVISITED).SaveX(e.sys)
		e.placeOrder(f.acmeEast, f.product, "SO-IN", now.AddDate(0, -2, 0), 5, "kg", order.StatusDELIVERED)         // inside 12 months
		e.placeOrder(f.southAcct, f.product, "SO-SOUTH", now.AddDate(0, -11, 0), 5, "kg", order.StatusCLOSED)       // inside, another team
		e.placeOrder(f.rep2Own, f.product, "SO-OLD", now.AddDate(0, -13, 0), 5, "kg", order.StatusCLOSED)           // outside
		e.placeOrder(cancelledCo, f.product, "SO-CANCELLED", now.AddDate(0, -1, 0), 5, "kg", order.StatusCANCELLED) // cancelled
		e.placeOrder(otherProductCo, other, "SO-OTHER", now.AddDate(0, -1, 0), 5, "kg", order.StatusOPEN)           // another product
		cn := c.ChangeNotice.Create().SetProductID(f.product.ID).SetKind(changenotice.KindFORMULA).
			SetTitle("New catalyst supplier").SetEffectiveAt(now.AddDate(0, 2, 0)).SaveX(e.sys)
		vars := map[string]any{"id": cn.ID}
		admin, mgr, rep1, rep3 := e.token(f.admin), e.token(f.manager), e.token(f.rep1), e.token(f.rep3)

		// A draft lists the buyers as of now: the admin sees both, the East manager his own.
		d := e.ok(admin, noticeQuery, vars)
		if got, want := cnIDs(dig(d, "node", "affectedCustomers")), cnCustomerIDs(f.acmeEast, f.southAcct); !cnSame(got, want) {
			t.Fatalf("draft affected customers %v, want %v", got, want)
		}
		if dig(d, "node", "complete") != false || len(cnList(dig(d, "node", "pendingAcks"))) != 0 {
			t.Fatalf("draft: %v", d)
		}
		d = e.ok(mgr, noticeQuery, vars)
		if got, want := cnIDs(dig(d, "node", "affectedCustomers")), cnCustomerIDs(f.acmeEast); !cnSame(got, want) {
			t.Fatalf("manager's affected customers %v, want %v", got, want)
		}

		issue := `mutation($id: ID!, $v: Int) { issueChangeNotice(input: {id: $id, version: $v}) { id status issuedAt version complete pendingAcks { id } } }`
		// Reps cannot issue; a stale version is a conflict; neither changes anything.
		expectCode(t, e.do(rep1, issue, vars), "FORBIDDEN")
		expectCode(t, e.do(e.token(f.analyst), issue, vars), "FORBIDDEN")
		expectCode(t, e.do(mgr, issue, map[string]any{"id": cn.ID, "v": 7}), "CONFLICT")
		if got := c.ChangeNotice.GetX(e.sys, cn.ID); got.Status != changenotice.StatusDRAFT || got.IssuedAt != nil {
			t.Fatalf("after refused issues: %s %v", got.Status, got.IssuedAt)
		}
		if n := c.ChangeNoticeAck.Query().CountX(e.sys); n != 0 {
			t.Fatalf("acks after refused issues: %d", n)
		}

		// The East manager issues: every buyer gets an ack, the South account too.
		d = e.ok(mgr, issue, map[string]any{"id": cn.ID, "v": 1})
		if dig(d, "issueChangeNotice", "status") != "ISSUED" || dig(d, "issueChangeNotice", "issuedAt") == nil ||
			num(dig(d, "issueChangeNotice", "version")) != 2 || dig(d, "issueChangeNotice", "complete") != false {
			t.Fatalf("issued: %v", d)
		}
		if n := len(cnList(dig(d, "issueChangeNotice", "pendingAcks"))); n != 1 {
			t.Fatalf("manager sees %d pending acks, want 1 (his own account's)", n)
		}
		acks := c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(cn.ID)).AllX(e.sys)
		var ackCustomers []*ent.Customer
		byCustomer := map[string]*ent.ChangeNoticeAck{}
		for _, a := range acks {
			ackCustomers = append(ackCustomers, &ent.Customer{ID: a.CustomerID})
			byCustomer[string(a.CustomerID)] = a
			if a.NotifiedAt == nil || a.AcknowledgedAt != nil {
				t.Fatalf("new ack: %+v", a)
			}
		}
		if got, want := cnCustomerIDs(ackCustomers...), cnCustomerIDs(f.acmeEast, f.southAcct); !cnSame(got, want) {
			t.Fatalf("acks for %v, want %v", got, want)
		}
		expectCode(t, e.do(mgr, issue, vars), "CONFLICT") // already issued

		ack := `mutation($id: ID!, $by: String!, $note: String) { acknowledgeChangeNotice(input: {ackID: $id, acknowledgedBy: $by, note: $note}) { id acknowledgedAt acknowledgedBy note } }`
		acme, south := byCustomer[string(f.acmeEast.ID)], byCustomer[string(f.southAcct.ID)]
		// A rep cannot acknowledge for another team's account: it is not even there.
		expectCode(t, e.do(rep1, ack, map[string]any{"id": south.ID, "by": "陈经理"}), "NOT_FOUND")
		expectCode(t, e.do(rep1, ack, map[string]any{"id": acme.ID, "by": "  "}), "BAD_USER_INPUT")

		d = e.ok(rep1, ack, map[string]any{"id": acme.ID, "by": "李工", "note": "will rerun the lab trial"})
		if dig(d, "acknowledgeChangeNotice", "acknowledgedAt") == nil || dig(d, "acknowledgeChangeNotice", "acknowledgedBy") != "李工" ||
			dig(d, "acknowledgeChangeNotice", "note") != "will rerun the lab trial" {
			t.Fatalf("acknowledged: %v", d)
		}
		expectCode(t, e.do(rep1, ack, map[string]any{"id": acme.ID, "by": "李工"}), "BAD_USER_INPUT")
		if got := c.ChangeNoticeAck.GetX(e.sys, acme.ID); got.AcknowledgedBy != "李工" {
			t.Fatalf("double acknowledgement overwrote: %q", got.AcknowledgedBy)
		}
		// One of two is in: still ISSUED and not complete, even for the manager whose
		// own share is done.
		if got := c.ChangeNotice.GetX(e.sys, cn.ID); got.Status != changenotice.StatusISSUED {
			t.Fatalf("status after the first ack: %s", got.Status)
		}
		d = e.ok(mgr, noticeQuery, vars)
		if dig(d, "node", "complete") != false || len(cnList(dig(d, "node", "pendingAcks"))) != 0 {
			t.Fatalf("manager after the first ack: %v", d)
		}

		// The last one completes the notice.
		e.ok(rep3, ack, map[string]any{"id": south.ID, "by": "陈经理"})
		if got := c.ChangeNotice.GetX(e.sys, cn.ID); got.Status != changenotice.StatusCOMPLETE {
			t.Fatalf("status after the last ack: %s", got.Status)
		}
		d = e.ok(admin, noticeQuery, vars)
		if dig(d, "node", "status") != "COMPLETE" || dig(d, "node", "complete") != true || len(cnList(dig(d, "node", "pendingAcks"))) != 0 {
			t.Fatalf("complete notice: %v", d)
		}
		// After issue, the buyers are those of the 12 months before issued_at.
		if got, want := cnIDs(dig(d, "node", "affectedCustomers")), cnCustomerIDs(f.acmeEast, f.southAcct); !cnSame(got, want) {
			t.Fatalf("affected after issue %v, want %v", got, want)
		}
	})
}

func TestChangeNoticeWithoutBuyers(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		p := c.Product.Create().SetCode("TX-NEW").SetName("Never sold").SaveX(e.sys)
		cn := c.ChangeNotice.Create().SetProductID(p.ID).SetKind(changenotice.KindPACKAGING).
			SetTitle("New drum").SetEffectiveAt(time.Now().AddDate(0, 1, 0)).SaveX(e.sys)
		d := e.ok(e.token(e.f.admin), `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status complete affectedCustomers { id } pendingAcks { id } } }`,
			map[string]any{"id": cn.ID})
		if dig(d, "issueChangeNotice", "status") != "ISSUED" || dig(d, "issueChangeNotice", "complete") != false ||
			len(cnList(dig(d, "issueChangeNotice", "affectedCustomers"))) != 0 {
			t.Fatalf("issued without buyers: %v", d)
		}
		if n := c.ChangeNoticeAck.Query().CountX(e.sys); n != 0 {
			t.Fatalf("acks: %d", n)
		}
	})
}

// Two acknowledgements committing at the same time: the later one must see the
// other and complete the notice.
func TestChangeNoticeConcurrentAcknowledgements(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		e.placeOrder(f.acmeEast, f.product, "SO-A", now.AddDate(0, -1, 0), 1, "kg", order.StatusOPEN)
		e.placeOrder(f.rep2Own, f.product, "SO-B", now.AddDate(0, -1, 0), 1, "kg", order.StatusOPEN)
		admin, mgr := e.token(f.admin), e.token(f.manager)
		ack := `mutation($id: ID!) { acknowledgeChangeNotice(input: {ackID: $id, acknowledgedBy: "QC"}) { id } }`
		for round := 0; round < 5; round++ {
			cn := c.ChangeNotice.Create().SetProductID(f.product.ID).SetKind(changenotice.KindSITE).
				SetTitle(fmt.Sprintf("Move %d", round)).SetEffectiveAt(now.AddDate(0, 3, 0)).SaveX(e.sys)
			e.ok(admin, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { id } }`, map[string]any{"id": cn.ID})
			acks := c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(cn.ID)).IDsX(e.sys)
			if len(acks) != 2 {
				t.Fatalf("acks: %v", acks)
			}
			errs := make(chan string, len(acks))
			start := make(chan struct{})
			for _, id := range acks {
				go func() {
					<-start
					r := e.doAsync(mgr, ack, map[string]any{"id": id})
					errs <- r
				}()
			}
			close(start)
			for range acks {
				if msg := <-errs; msg != "" {
					t.Fatalf("round %d: %s", round, msg)
				}
			}
			if got := c.ChangeNotice.GetX(e.sys, cn.ID); got.Status != changenotice.StatusCOMPLETE {
				t.Fatalf("round %d: status %s after both acknowledgements", round, got.Status)
			}
		}
	})
}

// doAsync posts a GraphQL request from a goroutine other than the test's and
// returns "" or a description of what went wrong.
func (e *env) doAsync(token, query string, vars map[string]any) string {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err.Error()
	}
	defer res.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return err.Error()
	}
	if len(out.Errors) > 0 {
		return fmt.Sprintf("%+v", out.Errors)
	}
	return ""
}
