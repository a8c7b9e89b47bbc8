package generated

import (
	"bytes"
	"sync"
)

// An operation's answer is marshalled into a buffer from a pool, and the HTTP transport
// gives the buffer back once it has written the answer (ReleaseAnswer). A fresh
// bytes.Buffer grows by doubling from 64 bytes: a page of 50 accounts (about 180 kB of
// JSON) allocated, zeroed and copied about twice its size in a dozen steps, every time.
// graph/gqlgen rewrites the executor to take its buffers here (AnswerBuffer).

// maxPooledAnswer is the largest buffer kept for reuse; an export's or another
// unusually large answer's buffer is left to the garbage collector.
const maxPooledAnswer = 1 << 20

var answers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// AnswerBuffer is an empty buffer to marshal an answer into.
func AnswerBuffer() *bytes.Buffer {
	b := answers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// ReleaseAnswer gives back the memory of an answer's data (graphql.Response.Data, as
// the executor marshalled it) for the next answer. Its caller must be the data's last
// reader: nothing may read the data after this call, and no one else may hold it (a
// response interceptor that swapped in data of its own must copy it).
func ReleaseAnswer(data []byte) {
	if cap(data) == 0 || cap(data) > maxPooledAnswer {
		return
	}
	answers.Put(bytes.NewBuffer(data[:0]))
}
