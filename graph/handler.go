package graph

import (
	"context"
	"log/slog"
	"net/http"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"tandem/graph/generated"
)

// Limits bound what one request may ask for.
type Limits struct {
	// MaxCost is the highest query cost accepted (see cost.go).
	MaxCost int
	// ParserTokens caps the tokens the parser reads, before any validation.
	ParserTokens int
	// MaxDepth caps selection nesting.
	MaxDepth int
	// MaxAliases caps aliased fields in one operation.
	MaxAliases int
}

// DefaultLimits are generous for the app and analysts, and stop abuse early.
var DefaultLimits = Limits{MaxCost: 50000, ParserTokens: 20000, MaxDepth: 15, MaxAliases: 30}

// Options configure the GraphQL handler.
type Options struct {
	Limits     Limits
	Production bool
	Logger     *slog.Logger
	// Spend charges partner tokens' query budgets (nil: no budgets).
	Spend Spender
}

// MaxUploadBytes is the largest file accepted by uploadDocument and startImport.
const MaxUploadBytes = 32 << 20

// MaxUploadRequestBytes bounds a multipart request: one file of MaxUploadBytes and
// room for the operation and the multipart envelope, so that a file just over the
// limit still reaches its mutation, which names the file and the reason.
const MaxUploadRequestBytes = MaxUploadBytes + 1<<20

// publicFields are the root fields callable without signing in.
var publicFields = []string{"login", "refreshToken", "logout"}

// NewHandler builds the GraphQL HTTP handler: POST (JSON) and GET transports that
// answer malformed requests as the GraphQL-over-HTTP spec says (transport.go),
// multipart uploads, APQ, introspection, input, cost and token limits, one error
// presenter and one recover function.
func NewHandler(r *Resolver, opts Options) http.Handler {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r})
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.AddTransport(multipartTransport{transport.MultipartForm{MaxUploadSize: MaxUploadRequestBytes, MaxMemory: 8 << 20}})
	srv.AddTransport(unsupportedRequest{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.Introspection{})
	srv.SetParserTokenLimit(opts.Limits.ParserTokens)
	srv.SetDisableSuggestion(opts.Production)
	srv.Use(authGate{})
	srv.Use(inputLimits{schema: es.Schema()})
	srv.Use(costLimit{limits: opts.Limits, spend: opts.Spend})
	srv.AroundResponses(reportCost)
	srv.Use(transactioner{entgql.Transactioner{
		TxOpener: r.Client,
		// Sign-in writes (throttle counters, token revocation) must survive a failed
		// request, so they run in their own short transactions.
		SkipTxFunc: entgql.SkipIfHasFields("login", "refreshToken", "logout", "changePassword"),
	}})
	srv.AroundFields(clampPages)
	srv.Use(fieldAccess{}) // after every field middleware: it wraps them all
	srv.AroundOperations(noteOperation)
	srv.AroundOperations(withOpMemo)
	srv.SetErrorPresenter(presentError(opts.Logger))
	srv.SetRecoverFunc(recoverPanic(opts.Logger))
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		// The error log budget is per request (errors.go); the access log usually
		// made the record already.
		if _, ok := req.Context().Value(requestInfoKey{}).(*RequestInfo); !ok {
			ctx, _ := WithRequestInfo(req.Context())
			req = req.WithContext(ctx)
		}
		srv.ServeHTTP(w, req)
	})
}

// OperationName returns the GraphQL operation name of a request being served, for the
// access log ("" when unnamed or not GraphQL).
func OperationName(ctx context.Context) string {
	if !graphql.HasOperationContext(ctx) {
		return ""
	}
	return graphql.GetOperationContext(ctx).OperationName
}
