package storage_test

import (
	"context"
	"errors"
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

// Invalid keys never reach the disk, not even outside the root (the shared Store
// tests are in conformance_test.go).
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
