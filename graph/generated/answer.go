package generated

import "sync"

// An operation's answer is marshalled into memory from a pool, and the HTTP transport
// gives it back once it has written the answer (ReleaseAnswer). A fresh bytes.Buffer
// grows by doubling from 64 bytes: a page of 50 accounts (about 180 kB of JSON)
// allocated, zeroed and copied about twice its size in a dozen steps, every time.
// graph/gqlgen rewrites the executor to start its buffers from AnswerBytes.

// maxPooledAnswer is the largest answer whose memory is kept for reuse; an export's or
// another unusually large answer's is left to the garbage collector.
const maxPooledAnswer = 1 << 20

var answers sync.Pool // of *[]byte, each empty

// AnswerBytes is empty memory to marshal an answer into (nil when the pool has none).
func AnswerBytes() []byte {
	if p, ok := answers.Get().(*[]byte); ok {
		return *p
	}
	return nil
}

// ReleaseAnswer gives back the memory of an answer's data (graphql.Response.Data, as
// the executor marshalled it) for the next answer. Its caller must be the data's last
// reader: nothing may read the data after this call, and no one else may hold it (a
// response interceptor that swapped in data of its own must copy it).
func ReleaseAnswer(data []byte) {
	if cap(data) == 0 || cap(data) > maxPooledAnswer {
		return
	}
	data = data[:0]
	answers.Put(&data)
}
