// Package media holds the rules of the photos and voice notes a rep takes on a visit
// or during a trial (MediaNote): what a note hangs on, which files are photos and
// which are voice notes (by their bytes, not by what the phone says), and how long a
// voice note may be. attachMedia and the MediaNote hooks call into it.
package media

import (
	"bytes"
	"mime"
	"strings"

	"tandem/ent/errcode"
)

// The two kinds of note (MediaNote.kind).
const (
	Photo = "PHOTO"
	Voice = "VOICE"
)

// MaxBytes is the largest note kept: a phone photo is a few MB, ten minutes of Opus
// speech about 2 MB, of AAC about 5.
const MaxBytes = 20 << 20

// MaxVoiceSeconds is the longest voice note: a note, not a recording of the meeting.
const MaxVoiceSeconds = 600

// voiceTypes are the audio types browsers record (MediaRecorder: WebM or Ogg Opus in
// Chromium and Firefox, MP4/AAC in Safari) and that phones' recorders save.
var voiceTypes = map[string]bool{
	"audio/webm": true, "audio/ogg": true, "audio/mp4": true, "audio/aac": true,
	"audio/mpeg": true, "audio/wav": true,
}

var voiceAliases = map[string]string{
	"audio/x-m4a": "audio/mp4", "audio/m4a": "audio/mp4", "audio/mp3": "audio/mpeg",
	"audio/x-wav": "audio/wav", "audio/wave": "audio/wav", "audio/opus": "audio/ogg",
	"video/webm": "audio/webm", // some recorders label an audio-only WebM as video
}

// VoiceByExt names the type of a voice file sent without one.
var voiceByExt = map[string]string{
	".webm": "audio/webm", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".oga": "audio/ogg",
	".m4a": "audio/mp4", ".mp4": "audio/mp4", ".aac": "audio/aac", ".mp3": "audio/mpeg", ".wav": "audio/wav",
}

// IsVoiceDeclared says whether the declared type (or, without one, the file name's
// extension) is a voice note's.
func IsVoiceDeclared(declared, ext string) bool {
	mt, _, err := mime.ParseMediaType(declared)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		return voiceByExt[strings.ToLower(ext)] != ""
	}
	if a, ok := voiceAliases[mt]; ok {
		mt = a
	}
	return voiceTypes[mt] || strings.HasPrefix(mt, "audio/")
}

// SniffVoice names the audio type the first bytes of a file belong to, or "".
func SniffVoice(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0x1a, 0x45, 0xdf, 0xa3}):
		return "audio/webm" // EBML: WebM (Matroska)
	case bytes.HasPrefix(b, []byte("OggS")):
		return "audio/ogg"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE":
		return "audio/wav"
	case bytes.HasPrefix(b, []byte("ID3")):
		return "audio/mpeg"
	case len(b) >= 2 && b[0] == 0xff && b[1]&0xf6 == 0xf0:
		return "audio/aac" // ADTS
	case len(b) >= 2 && b[0] == 0xff && b[1]&0xe0 == 0xe0:
		return "audio/mpeg" // an MPEG audio frame
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		switch string(b[8:12]) {
		case "M4A ", "M4B ", "mp41", "mp42", "isom", "iso2", "iso5", "iso6", "dash", "3gp4", "3gp5", "3g2a":
			return "audio/mp4"
		}
	}
	return ""
}

// CheckParent: a note hangs on exactly one visit or one trial.
func CheckParent(onInteraction, onTrial bool) error {
	if onInteraction == onTrial {
		return errcode.New(errcode.BadUserInput, "a photo or voice note belongs to exactly one visit (interactionID) or one trial (trialID)").With("field", "interactionID")
	}
	return nil
}

// CheckDuration: a voice note says how long it is, within MaxVoiceSeconds; a photo
// has no length.
func CheckDuration(kind string, seconds *int) error {
	switch {
	case kind == Photo && seconds != nil:
		return errcode.New(errcode.BadUserInput, "durationSeconds: a photo has no duration").With("field", "durationSeconds")
	case kind == Voice && seconds != nil && (*seconds < 0 || *seconds > MaxVoiceSeconds):
		return errcode.New(errcode.BadUserInput, "durationSeconds: a voice note lasts 0 to %d seconds", MaxVoiceSeconds).With("field", "durationSeconds")
	}
	return nil
}
