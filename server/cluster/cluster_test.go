package cluster_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tandem/server/storage/storagetest"
)

// TestTwoProcessesBehindABalancer starts two Tandem processes at once on an empty
// PostgreSQL schema and one S3 store, behind the test's load balancer, and checks what
// running several processes must give: a token from one works on the other, a file
// uploaded through one downloads through the other, each webhook delivery reaches the
// receiver exactly once while both processes' workers run, and when a process is
// killed under load no request is lost but those it was serving.
func TestTwoProcessesBehindABalancer(t *testing.T) {
	base := os.Getenv("TANDEM_TEST_DATABASE_URL")
	if base == "" {
		t.Skip("TANDEM_TEST_DATABASE_URL is not set: the cluster test needs PostgreSQL")
	}
	if testing.Short() {
		t.Skip("builds and starts the server binary")
	}
	bin := buildTandem(t)
	s3 := storagetest.StartS3(t, "tandem-cluster")
	rcv := newWebhookReceiver(t)
	env := []string{
		"DATABASE_URL=" + pgSchema(t, base),
		"TANDEM_S3_ENDPOINT=" + s3.URL, "TANDEM_S3_BUCKET=" + s3.Bucket, "TANDEM_S3_REGION=" + storagetest.Region,
		"TANDEM_S3_ACCESS_KEY_ID=" + storagetest.AccessKeyID, "TANDEM_S3_SECRET_ACCESS_KEY=" + storagetest.SecretAccessKey,
		"TANDEM_S3_PATH_STYLE=true",
		"TANDEM_WEBHOOK_ALLOW_HOSTS=127.0.0.1", "SSL_CERT_FILE=" + rcv.certFile,
		"TANDEM_TRUSTED_PROXIES=127.0.0.1", "TANDEM_JWT_SECRET=", "TANDEM_DRAIN_DELAY=300ms",
	}
	// Both start at once on the empty schema: migrations, start-up work and the demo
	// data are done once, under the locks.
	var a, b *process
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a = start(t, "process A", bin, env, "--demo") }()
	go func() { defer wg.Done(); b = start(t, "process B", bin, env, "--demo") }()
	wg.Wait()
	a.waitReady(t, 3*time.Minute)
	b.waitReady(t, 3*time.Minute)
	lb, front := newBalancer(t, a.url, b.url)

	t.Run("a token from one process works on the other", func(t *testing.T) {
		tok := login(t, a.url, "rep1@demo.tandem")
		if got := dig(ok(t, b.url, tok, `{ me { email } }`, nil), "me", "email"); got != "rep1@demo.tandem" {
			t.Fatalf("process B read A's token as %v", got)
		}
	})

	t.Run("a file uploaded through one process downloads through the other", func(t *testing.T) {
		tok := login(t, a.url, "manager@demo.tandem")
		product := dig(ok(t, a.url, tok, `{ products(first: 1) { edges { node { id } } } }`, nil), "products", "edges", 0, "node", "id")
		data := bytes.Repeat([]byte("%PDF-1.4 cluster test\n"), 2000)
		d := upload(t, a.url, tok, `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }`,
			map[string]any{"input": map[string]any{"file": nil, "type": "COA", "title": "Cluster COA", "productID": product}},
			"coa.pdf", "application/pdf", data)
		id := dig(d, "uploadDocument", "id")
		link := dig(ok(t, b.url, tok, `query($id: ID!) { node(id: $id) { ... on Document { downloadURL } } }`, map[string]any{"id": id}), "node", "downloadURL").(string)
		res, err := http.Get(b.url + link) // follows the redirect to the store
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || sha256.Sum256(got) != sha256.Sum256(data) {
			t.Fatalf("download through B: HTTP %d, %d bytes (uploaded %d)", res.StatusCode, len(got), len(data))
		}
	})

	t.Run("each webhook delivery is sent once with both processes' workers", func(t *testing.T) {
		deliveredOnce(t, front, rcv)
	})

	t.Run("a process stopped under load fails no request", func(t *testing.T) {
		stopGracefully(t, front, a)
	})
	// A replaces A in the balancer (same address, as a restarted container would be).
	t.Run("a process killed under load loses only its requests in flight", func(t *testing.T) {
		c := startAt(t, "process A again", bin, env, strings.TrimPrefix(a.url, "http://"))
		c.waitReady(t, time.Minute)
		killUnderLoad(t, front, lb, b, 1)
	})
}

// webhookReceiver is a TLS receiver that counts deliveries by delivery id; the
// processes trust its certificate through SSL_CERT_FILE.
type webhookReceiver struct {
	url      string
	certFile string
	mu       sync.Mutex
	seen     map[string]int
	total    atomic.Int64
}

func newWebhookReceiver(t *testing.T) *webhookReceiver {
	r := &webhookReceiver{seen: map[string]int{}}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		_, _ = io.Copy(io.Discard, req.Body)
		r.mu.Lock()
		r.seen[req.Header.Get("Tandem-Delivery-Id")]++
		r.mu.Unlock()
		r.total.Add(1)
		time.Sleep(50 * time.Millisecond) // a receiver that takes its time
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	r.certFile = filepath.Join(t.TempDir(), "receiver.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(r.certFile, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *webhookReceiver) counts() (ids int, max int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range r.seen {
		if n > max {
			max = n
		}
	}
	return len(r.seen), max
}
