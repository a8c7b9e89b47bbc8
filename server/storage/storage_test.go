package storage_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/server/storage"
)

func newLocal(t *testing.T) *storage.Local {
	t.Helper()
	l, err := storage.NewLocal(filepath.Join(t.TempDir(), "files"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// entries lists every file (and directory) under root, hidden ones included.
func entries(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
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
		t.Fatal(err)
	}
	return out
}

func TestDocumentStorePutOpenDelete(t *testing.T) {
	ctx := context.Background()
	l := newLocal(t)
	body := bytes.Repeat([]byte("Antioxidant 1010 COA batch 2405-17\n"), 5000)
	sum := sha256.Sum256(body)
	size, hexSum, err := l.Put(ctx, "documents/2025/05/abc123", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if size != int64(len(body)) || hexSum != hex.EncodeToString(sum[:]) {
		t.Fatalf("size %d sha %s, want %d %x", size, hexSum, len(body), sum)
	}
	if got := entries(t, l.Root()); len(got) != 1 || got[0] != "documents/2025/05/abc123" {
		t.Fatalf("files on disk: %v", got)
	}
	rc, err := l.Open(ctx, "documents/2025/05/abc123")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, body) {
		t.Fatalf("read back %d bytes, want %d", len(got), len(body))
	}

	// Put replaces.
	if _, _, err := l.Put(ctx, "documents/2025/05/abc123", strings.NewReader("v2")); err != nil {
		t.Fatal(err)
	}
	rc, _ = l.Open(ctx, "documents/2025/05/abc123")
	got, _ = io.ReadAll(rc)
	rc.Close()
	if string(got) != "v2" {
		t.Fatalf("after replace: %q", got)
	}

	if err := l.Delete(ctx, "documents/2025/05/abc123"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Open(ctx, "documents/2025/05/abc123"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("open after delete: %v", err)
	}
	if err := l.Delete(ctx, "documents/2025/05/abc123"); err != nil {
		t.Fatalf("second delete: %v", err)
	}
	if got := entries(t, l.Root()); len(got) != 0 {
		t.Fatalf("files left: %v", got)
	}
}

func TestDocumentStoreEmptyFile(t *testing.T) {
	l := newLocal(t)
	size, sum, err := l.Put(context.Background(), "empty", strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	if size != 0 || sum != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatalf("size %d sum %s", size, sum)
	}
}

type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("connection reset")
	}
	k := min(len(p), f.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	f.n -= k
	return k, nil
}

func TestDocumentStoreFailedPutLeavesNothing(t *testing.T) {
	l := newLocal(t)
	_, _, err := l.Put(context.Background(), "documents/partial", &failingReader{n: 100000})
	if err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Fatalf("want the reader's error, got %v", err)
	}
	if got := entries(t, l.Root()); len(got) != 0 {
		t.Fatalf("a failed put left %v", got)
	}
	// An existing file is kept intact when its replacement fails.
	if _, _, err := l.Put(context.Background(), "documents/kept", strings.NewReader("original")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Put(context.Background(), "documents/kept", &failingReader{n: 10}); err == nil {
		t.Fatal("want an error")
	}
	rc, err := l.Open(context.Background(), "documents/kept")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if string(got) != "original" {
		t.Fatalf("kept file now %q", got)
	}
	if got := entries(t, l.Root()); len(got) != 1 {
		t.Fatalf("files: %v", got)
	}
}

func TestDocumentStoreCancelledPut(t *testing.T) {
	l := newLocal(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := l.Put(ctx, "documents/cancelled", strings.NewReader("data")); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if got := entries(t, l.Root()); len(got) != 0 {
		t.Fatalf("files: %v", got)
	}
}

func TestDocumentStoreKeys(t *testing.T) {
	l := newLocal(t)
	ctx := context.Background()
	for _, k := range []string{"", "/abs", "../escape", "a/../../b", "a//b", "a/", ".hidden", "a/.upload-1", "sp ace", `back\slash`, "a/./b", "ü", strings.Repeat("a", storage.MaxKeyLen+1)} {
		if _, _, err := l.Put(ctx, k, strings.NewReader("x")); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("Put(%q): want ErrInvalidKey, got %v", k, err)
		}
		if _, err := l.Open(ctx, k); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("Open(%q): want ErrInvalidKey, got %v", k, err)
		}
		if err := l.Delete(ctx, k); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("Delete(%q): want ErrInvalidKey, got %v", k, err)
		}
	}
	for _, k := range []string{"a", "documents/2025/01/0af3", "A-b_c.pdf", strings.Repeat("a", storage.MaxKeyLen)} {
		if !storage.ValidKey(k) {
			t.Errorf("ValidKey(%q) = false", k)
		}
	}
	if got := entries(t, filepath.Dir(l.Root())); len(got) != 0 {
		t.Fatalf("invalid keys wrote %v", got)
	}
}
