package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/ent/errcode"
	"tandem/graph/generated"
)

// The HTTP side of GraphQL, after the GraphQL-over-HTTP specification:
//
//   - A request that is not a well-formed GraphQL request — a body that is not JSON,
//     a JSON array (a batch: not supported), a query that is not a string, variables
//     that are not an object, a body over MaxJSONBytes — gets 400 (413 for the size)
//     and one error with extensions.code BAD_USER_INPUT and extensions.field naming
//     what is wrong ("body", "query", "variables", …). It never reaches the executor,
//     so it cannot panic, and it logs nothing but the access-log line.
//   - A well-formed request whose operation is refused before it runs (a parse or
//     validation error, a variable of the wrong type, a limit) answers 200 with the
//     errors when the client accepts application/json (what legacy clients expect),
//     and 4xx/5xx by the error's code when it asks for
//     application/graphql-response+json (400 for BAD_USER_INPUT and validation
//     errors, 401, 403, 429, 500).
//   - A mutation over GET answers 405; another method or content type 405 or 415.

// MaxJSONBytes bounds a JSON request body (a multipart upload has its own limit):
// enough for the largest record with every note at its limit, written as \u escapes.
const MaxJSONBytes = 4 << 20

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport serves POST with a JSON body and GET with URL parameters.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

func (httpTransport) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" {
		return false
	}
	switch r.Method {
	case http.MethodGet:
		return true
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		return err == nil && mt == mediaJSON
	}
	return false
}

func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	media := responseMedia(r)
	w.Header().Set("Content-Type", media)
	start := graphql.Now()
	var (
		params *graphql.RawParams
		bad    *requestError
	)
	if r.Method == http.MethodGet {
		params, bad = readGET(r)
	} else {
		params, bad = readPOST(w, r)
	}
	if bad != nil {
		writeRequestError(w, bad)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		w.WriteHeader(statusOfRefusal(media, errs))
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs))
		return
	}
	if r.Method == http.MethodGet && oc.Operation != nil && oc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		writeRequestError(w, &requestError{http.StatusMethodNotAllowed, "only queries may be sent with GET; send a mutation with POST", "query"})
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeAnswer(w, responses(ctx))
}

// writeAnswer writes an operation's answer, then gives its buffer back for the next
// answer (generated.ReleaseAnswer): once written, the answer is read no more.
func writeAnswer(w io.Writer, resp *graphql.Response) {
	writeResponse(w, resp)
	generated.ReleaseAnswer(resp.Data)
}

// requestError is a request refused before it reaches the executor.
type requestError struct {
	status         int
	message, field string
}

// readPOST decodes a JSON body strictly: one object, each known member of its type.
func readPOST(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, *requestError) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxJSONBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than %d MiB", MaxJSONBytes>>20), "body"}
		}
		return nil, &requestError{http.StatusBadRequest, "the request body could not be read", "body"}
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return nil, &requestError{http.StatusBadRequest, `the body is empty: send {"query": "…", "variables": {…}}`, "body"}
	case trimmed[0] == '[':
		return nil, &requestError{http.StatusBadRequest, "batched requests (a JSON array of operations) are not supported: send one operation per request", "body"}
	case trimmed[0] != '{':
		return nil, &requestError{http.StatusBadRequest, `the body must be a JSON object: {"query": "…", "variables": {…}}`, "body"}
	}
	var req struct {
		Query         json.RawMessage `json:"query"`
		OperationName json.RawMessage `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
		Extensions    json.RawMessage `json:"extensions"`
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&req); err != nil {
		return nil, &requestError{http.StatusBadRequest, "the body is not valid JSON: " + jsonProblem(err), "body"}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &requestError{http.StatusBadRequest, "the body must hold one JSON object and nothing after it", "body"}
	}
	p := &graphql.RawParams{}
	if bad := stringMember("query", req.Query, &p.Query); bad != nil {
		return nil, bad
	}
	if bad := stringMember("operationName", req.OperationName, &p.OperationName); bad != nil {
		return nil, bad
	}
	if bad := objectMember("variables", req.Variables, &p.Variables); bad != nil {
		return nil, bad
	}
	if bad := objectMember("extensions", req.Extensions, &p.Extensions); bad != nil {
		return nil, bad
	}
	return p, nil
}

// readGET reads query, operationName, variables and extensions from the URL.
func readGET(r *http.Request) (*graphql.RawParams, *requestError) {
	q := r.URL.Query()
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if v := q.Get("variables"); v != "" {
		if bad := objectMember("variables", json.RawMessage(v), &p.Variables); bad != nil {
			return nil, bad
		}
	}
	if v := q.Get("extensions"); v != "" {
		if bad := objectMember("extensions", json.RawMessage(v), &p.Extensions); bad != nil {
			return nil, bad
		}
	}
	return p, nil
}

func stringMember(name string, raw json.RawMessage, into *string) *requestError {
	if isNull(raw) {
		return nil
	}
	if err := json.Unmarshal(raw, into); err != nil {
		return &requestError{http.StatusBadRequest, name + " must be a string", name}
	}
	return nil
}

func objectMember(name string, raw json.RawMessage, into *map[string]any) *requestError {
	if isNull(raw) {
		return nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return &requestError{http.StatusBadRequest, name + " must be a JSON object", name}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(into); err != nil {
		return &requestError{http.StatusBadRequest, name + " is not valid JSON: " + jsonProblem(err), name}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &requestError{http.StatusBadRequest, name + " must hold one JSON object and nothing after it", name}
	}
	return nil
}

func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// jsonProblem describes a JSON error without quoting the input back.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("%s (at byte %d)", syntax.Error(), syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("%s has the wrong type (a JSON %s)", typ.Field, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "it ends too early"
	}
	return "it cannot be decoded"
}

// responseMedia picks the answer's media type from the Accept header: the first of
// application/json and application/graphql-response+json the client lists;
// application/json for */*, application/* or no Accept header (legacy clients).
func responseMedia(r *http.Request) string {
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON, "*/*", "application/*":
			return mediaJSON
		}
	}
	return mediaJSON
}

// statusOfRefusal is the HTTP status of an operation refused before it ran: 200 for
// application/json, by the first error's code for application/graphql-response+json.
func statusOfRefusal(media string, errs gqlerror.List) int {
	if media != mediaGraphQLResponse || len(errs) == 0 {
		return http.StatusOK
	}
	code, _ := errs[0].Extensions["code"].(string)
	switch errcode.Code(code) {
	case errcode.Unauthenticated:
		return http.StatusUnauthorized
	case errcode.Forbidden:
		return http.StatusForbidden
	case errcode.RateLimited:
		return http.StatusTooManyRequests
	case errcode.Internal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

func writeRequestError(w http.ResponseWriter, e *requestError) {
	ext := map[string]any{"code": string(errcode.BadUserInput)}
	if e.field != "" {
		ext["field"] = e.field
	}
	w.WriteHeader(e.status)
	// No "data": the request was not executed (GraphQL spec, "Response Format").
	b, _ := json.Marshal(struct {
		Errors gqlerror.List `json:"errors"`
	}{gqlerror.List{{Message: e.message, Extensions: ext}}})
	_, _ = w.Write(b)
}

// writeResponse writes a response as encoding/json would, but writes the data, which
// the executor already made as JSON, as it is: json.Marshal would scan and re-compact
// every byte of it (a page of 100 accounts is 350 kB). Only the small parts (errors,
// extensions) go through encoding/json, before anything is written.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp.Label != "" || resp.Path != nil || resp.HasNext != nil {
		writeMarshalled(w, resp) // incremental delivery (not used by Tandem)
		return
	}
	var errs, ext []byte
	var err error
	if len(resp.Errors) > 0 {
		if errs, err = json.Marshal(resp.Errors); err != nil {
			writeMarshalled(w, resp)
			return
		}
	}
	if len(resp.Extensions) > 0 {
		if ext, err = json.Marshal(resp.Extensions); err != nil {
			writeMarshalled(w, resp)
			return
		}
	}
	data := []byte(resp.Data)
	if len(data) == 0 {
		data = []byte("null")
	}
	for _, part := range [][]byte{[]byte("{"), optional(`"errors":`, errs, ","), []byte(`"data":`), data, optional(`,"extensions":`, ext, ""), []byte("}")} {
		if _, err := w.Write(part); err != nil {
			return
		}
	}
}

// optional is a member of a response written by hand: prefix, value, suffix, or
// nothing when there is no value.
func optional(prefix string, value []byte, suffix string) []byte {
	if value == nil {
		return nil
	}
	return append(append([]byte(prefix), value...), suffix...)
}

func writeMarshalled(w io.Writer, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err != nil {
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	_, _ = w.Write(b)
}

// multipartTransport is gqlgen's multipart transport (file uploads) behind a size
// check: a request announced larger than MaxUploadRequestBytes is refused like every
// malformed request (413, BAD_USER_INPUT, field "file") before any of it is read.
// (A body sent without a length is still cut at the limit by the transport, whose
// own answer has no code.)
type multipartTransport struct{ transport.MultipartForm }

func (t multipartTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if r.ContentLength > t.MaxUploadSize {
		w.Header().Set("Content-Type", responseMedia(r))
		msg := fmt.Sprintf("the upload is larger than %d MB: send a smaller file", MaxUploadBytes>>20)
		if l, _ := r.Context().Value(langKey{}).(string); l == "zh" {
			msg = fmt.Sprintf("上传的文件超过 %d MB：请发送更小的文件", MaxUploadBytes>>20)
		}
		writeRequestError(w, &requestError{http.StatusRequestEntityTooLarge, msg, "file"})
		return
	}
	t.MultipartForm.Do(w, r, exec)
}

// unsupportedRequest answers every request no other transport takes: 415 for a POST
// of another content type, 405 for another method.
type unsupportedRequest struct{}

func (unsupportedRequest) Supports(*http.Request) bool { return true }

func (unsupportedRequest) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	w.Header().Set("Content-Type", responseMedia(r))
	if r.Method == http.MethodPost {
		writeRequestError(w, &requestError{http.StatusUnsupportedMediaType,
			"send Content-Type: application/json (or multipart/form-data to upload a file)", "Content-Type"})
		return
	}
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	writeRequestError(w, &requestError{http.StatusMethodNotAllowed, "use POST (or GET for a query)", ""})
}

// transactioner is entgql's Transactioner, safe for answers to requests that never
// became an operation (gqlgen's transports answer some refusals through the response
// middleware without an operation context, which entgql's reads unconditionally).
type transactioner struct{ txOpener }

type txOpener = interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
}

func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	return t.txOpener.InterceptResponse(ctx, next)
}
