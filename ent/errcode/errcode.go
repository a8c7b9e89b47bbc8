// Package errcode is Tandem's small, fixed vocabulary of client-facing errors. Every
// error a client sees carries one of these codes in GraphQL `extensions.code`.
package errcode

import (
	"errors"
	"fmt"
	"time"
)

// Code is a machine-readable error class.
type Code string

const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	BadUserInput    Code = "BAD_USER_INPUT"
	Conflict        Code = "CONFLICT"
	RateLimited     Code = "RATE_LIMITED"
	Internal        Code = "INTERNAL"
)

// Error is a client-facing error: a code, a human message and optional details that
// go into the GraphQL error's extensions.
type Error struct {
	Code    Code
	Message string
	Details map[string]any
}

func (e *Error) Error() string { return e.Message }

// New returns an error with the code and a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// With adds a detail to the error's extensions.
func (e *Error) With(key string, value any) *Error {
	if e.Details == nil {
		e.Details = map[string]any{}
	}
	e.Details[key] = value
	return e
}

// RetryAfter returns a RATE_LIMITED error telling the client when to try again.
func RetryAfter(d time.Duration, format string, args ...any) *Error {
	secs := int(d.Seconds() + 0.999)
	if secs < 1 {
		secs = 1
	}
	return New(RateLimited, format, args...).With("retryAfterSeconds", secs)
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Is reports whether err carries the code.
func Is(err error, code Code) bool {
	e, ok := As(err)
	return ok && e.Code == code
}
