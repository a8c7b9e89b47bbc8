//go:build !unix

package app

import (
	"os"
	"time"
)

// lockFile on systems without flock: an exclusive create of the file, retried.
func lockFile(path string) (unlock func(), err error) {
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
		if err == nil {
			f.Close()
			return func() { _ = os.Remove(path) }, nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
		sleepBriefly()
	}
}

func sleepBriefly() { time.Sleep(50 * time.Millisecond) }
