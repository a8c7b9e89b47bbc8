package storage_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"

	"tandem/server/storage"
	"tandem/server/storage/storagetest"
)

// subject is one Store implementation under the shared tests, with a way to list
// everything it left in its backing place (files, objects, unfinished uploads).
type subject struct {
	name  string
	store storage.Store
	left  func(t *testing.T) []string
}

// eachStore runs fn against the local store and against the S3 store on a real
// S3-protocol server.
func eachStore(t *testing.T, fn func(t *testing.T, s subject)) {
	t.Run("local", func(t *testing.T) {
		l := newLocal(t)
		fn(t, subject{name: "local", store: l, left: func(t *testing.T) []string { return entries(t, l.Root()) }})
	})
	t.Run("s3", func(t *testing.T) {
		srv := storagetest.StartS3(t, "tandem-files")
		cfg := srv.Config()
		cfg.Prefix = "tandem"
		s, err := storage.NewS3(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		fn(t, subject{name: "s3", store: s, left: func(t *testing.T) []string { return bucketContent(t, srv) }})
	})
}

// bucketContent lists the bucket's objects and unfinished multipart uploads.
func bucketContent(t *testing.T, srv *storagetest.S3Server) []string {
	t.Helper()
	out, err := srv.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readAll(t *testing.T, s storage.Store, key string) []byte {
	t.Helper()
	rc, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStorePutOpenReplaceDelete(t *testing.T) {
	eachStore(t, func(t *testing.T, s subject) {
		ctx := context.Background()
		// Larger than one S3 part, so the upload takes two.
		body := bytes.Repeat([]byte("Antioxidant 1010 COA batch 2405-17\n"), 500_000)
		sum := sha256.Sum256(body)
		size, hexSum, err := s.store.Put(ctx, "documents/2025/05/abc123", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if size != int64(len(body)) || hexSum != hex.EncodeToString(sum[:]) {
			t.Fatalf("size %d sha %s, want %d %x", size, hexSum, len(body), sum)
		}
		if got := readAll(t, s.store, "documents/2025/05/abc123"); !bytes.Equal(got, body) {
			t.Fatalf("read back %d bytes, want %d", len(got), len(body))
		}
		want := "documents/2025/05/abc123"
		if s.name == "s3" {
			want = "tandem/" + want
		}
		if got := s.left(t); len(got) != 1 || got[0] != want {
			t.Fatalf("stored: %v, want [%s]", got, want)
		}

		size, hexSum, err = s.store.Put(ctx, "documents/2025/05/abc123", strings.NewReader("v2"))
		if err != nil || size != 2 || hexSum != "fb04dcb6970e4c3d1873de51fd5a50d7bb46b3383113602665c350ec40b5f990" {
			t.Fatalf("replace: %d %s %v", size, hexSum, err)
		}
		if got := readAll(t, s.store, "documents/2025/05/abc123"); string(got) != "v2" {
			t.Fatalf("after replace: %q", got)
		}

		if err := s.store.Delete(ctx, "documents/2025/05/abc123"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.store.Open(ctx, "documents/2025/05/abc123"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("open after delete: %v", err)
		}
		if err := s.store.Delete(ctx, "documents/2025/05/abc123"); err != nil {
			t.Fatalf("second delete: %v", err)
		}
		if got := s.left(t); len(got) != 0 {
			t.Fatalf("left: %v", got)
		}
	})
}

func TestStoreEmptyAndMissing(t *testing.T) {
	eachStore(t, func(t *testing.T, s subject) {
		ctx := context.Background()
		size, sum, err := s.store.Put(ctx, "empty", strings.NewReader(""))
		if err != nil || size != 0 || sum != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
			t.Fatalf("empty: %d %s %v", size, sum, err)
		}
		if got := readAll(t, s.store, "empty"); len(got) != 0 {
			t.Fatalf("empty read %q", got)
		}
		if _, err := s.store.Open(ctx, "never/stored"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("missing key: %v", err)
		}
		if err := s.store.Delete(ctx, "never/stored"); err != nil {
			t.Fatalf("delete of a missing key: %v", err)
		}
	})
}

func TestStoreInvalidKeys(t *testing.T) {
	eachStore(t, func(t *testing.T, s subject) {
		ctx := context.Background()
		for _, k := range []string{"", "/abs", "../escape", "a/../../b", "a//b", "a/", ".hidden", "a/.upload-1", "sp ace", `back\slash`, "a/./b", "ü", "a?b", strings.Repeat("a", storage.MaxKeyLen+1)} {
			if _, _, err := s.store.Put(ctx, k, strings.NewReader("x")); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("Put(%q): want ErrInvalidKey, got %v", k, err)
			}
			if _, err := s.store.Open(ctx, k); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("Open(%q): want ErrInvalidKey, got %v", k, err)
			}
			if err := s.store.Delete(ctx, k); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("Delete(%q): want ErrInvalidKey, got %v", k, err)
			}
		}
		if got := s.left(t); len(got) != 0 {
			t.Fatalf("invalid keys stored %v", got)
		}
	})
}

func TestStoreFailedPutLeavesNothing(t *testing.T) {
	eachStore(t, func(t *testing.T, s subject) {
		ctx := context.Background()
		// Failing early, and after more than an S3 part's worth (16 MiB).
		for _, n := range []int{100_000, 17 << 20} {
			_, _, err := s.store.Put(ctx, "documents/partial", &failingReader{n: n})
			if err == nil || !strings.Contains(err.Error(), "connection reset") {
				t.Fatalf("after %d bytes: want the reader's error, got %v", n, err)
			}
			if got := s.left(t); len(got) != 0 {
				t.Fatalf("a put failing after %d bytes left %v", n, got)
			}
		}
		// An existing file keeps its content when its replacement fails.
		if _, _, err := s.store.Put(ctx, "documents/kept", strings.NewReader("original")); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.store.Put(ctx, "documents/kept", &failingReader{n: 10}); err == nil {
			t.Fatal("want an error")
		}
		if got := readAll(t, s.store, "documents/kept"); string(got) != "original" {
			t.Fatalf("kept file now %q", got)
		}
		if got := s.left(t); len(got) != 1 {
			t.Fatalf("left: %v", got)
		}
	})
}

// cancellingReader cancels its context after n bytes, as a client going away does.
type cancellingReader struct {
	n      int
	cancel context.CancelFunc
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		c.cancel()
	}
	k := min(len(p), max(c.n, 1))
	for i := range p[:k] {
		p[i] = 'y'
	}
	c.n -= k
	return k, nil
}

func TestStoreCancelledPut(t *testing.T) {
	eachStore(t, func(t *testing.T, s subject) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, _, err := s.store.Put(ctx, "documents/cancelled", strings.NewReader("data")); !errors.Is(err, context.Canceled) {
			t.Fatalf("want context.Canceled, got %v", err)
		}
		// Cancelled mid-stream, after more than an S3 part's worth.
		ctx, cancel = context.WithCancel(context.Background())
		defer cancel()
		_, _, err := s.store.Put(ctx, "documents/cancelled", &cancellingReader{n: 17 << 20, cancel: cancel})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("mid-stream: want context.Canceled, got %v", err)
		}
		if got := s.left(t); len(got) != 0 {
			t.Fatalf("a cancelled put left %v", got)
		}
	})
}
