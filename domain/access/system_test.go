package access

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Around the table there is one way, System, and it states why: no other code makes
// its own privacy decision context (tests set up their cases as they like).
func TestOnlySystemBypassesTheTable(t *testing.T) {
	root := filepath.Join("..", "..")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || path == filepath.Join(root, "ent", "privacy")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if strings.Contains(string(b), "privacy.DecisionContext(") && !strings.HasSuffix(path, filepath.Join("domain", "access", "access.go")) {
			t.Errorf("%s makes its own privacy decision: use access.System(ctx, reason)", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("read only %d Go files: wrong root?", n)
	}
}
