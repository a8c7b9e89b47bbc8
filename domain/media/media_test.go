package media

import (
	"errors"
	"testing"

	"tandem/ent/errcode"
)

func TestSniffVoice(t *testing.T) {
	for _, c := range []struct {
		name string
		head []byte
		want string
	}{
		{"webm", []byte{0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86}, "audio/webm"},
		{"ogg", []byte("OggS\x00\x02"), "audio/ogg"},
		{"wav", []byte("RIFF\x24\x08\x00\x00WAVEfmt "), "audio/wav"},
		{"mp3 with tag", []byte("ID3\x04\x00"), "audio/mpeg"},
		{"mp3 frame", []byte{0xff, 0xfb, 0x90, 0x64}, "audio/mpeg"},
		{"adts", []byte{0xff, 0xf1, 0x50, 0x80}, "audio/aac"},
		{"m4a", []byte("\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00"), "audio/mp4"},
		{"heic is not audio", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), ""},
		{"webp is not audio", []byte("RIFF\x24\x08\x00\x00WEBPVP8 "), ""},
		{"html", []byte("<!doctype html>"), ""},
		{"empty", nil, ""},
	} {
		if got := SniffVoice(c.head); got != c.want {
			t.Errorf("%s: SniffVoice = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestIsVoiceDeclared(t *testing.T) {
	for _, c := range []struct {
		declared, ext string
		want          bool
	}{
		{"audio/webm;codecs=opus", ".webm", true},
		{"audio/x-m4a", ".m4a", true},
		{"video/webm", ".webm", true},
		{"", ".m4a", true},
		{"application/octet-stream", ".ogg", true},
		{"", ".jpg", false},
		{"image/jpeg", ".jpg", false},
		{"text/html", ".mp3", false},
	} {
		if got := IsVoiceDeclared(c.declared, c.ext); got != c.want {
			t.Errorf("IsVoiceDeclared(%q, %q) = %v, want %v", c.declared, c.ext, got, c.want)
		}
	}
}

func TestChecks(t *testing.T) {
	n := func(i int) *int { return &i }
	for _, c := range []struct {
		name string
		err  error
		bad  bool
	}{
		{"visit", CheckParent(true, false), false},
		{"trial", CheckParent(false, true), false},
		{"neither", CheckParent(false, false), true},
		{"both", CheckParent(true, true), true},
		{"photo", CheckDuration(Photo, nil), false},
		{"photo with a length", CheckDuration(Photo, n(3)), true},
		{"voice without a length", CheckDuration(Voice, nil), false},
		{"voice of 10 min", CheckDuration(Voice, n(MaxVoiceSeconds)), false},
		{"voice too long", CheckDuration(Voice, n(MaxVoiceSeconds+1)), true},
		{"voice negative", CheckDuration(Voice, n(-1)), true},
	} {
		var e *errcode.Error
		if got := c.err != nil; got != c.bad {
			t.Errorf("%s: error %v, want refused=%v", c.name, c.err, c.bad)
		} else if c.bad && (!errors.As(c.err, &e) || e.Code != errcode.BadUserInput) {
			t.Errorf("%s: %v is not BAD_USER_INPUT", c.name, c.err)
		}
	}
}
