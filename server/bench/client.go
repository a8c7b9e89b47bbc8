package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// httpClient is shared by every bench client: enough idle connections for -clients.
var httpClient = &http.Client{
	Timeout: 3 * time.Minute,
	Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        512,
		MaxIdleConnsPerHost: 512,
		IdleConnTimeout:     90 * time.Second,
		// Plain answers from every server: PostGraphile does not compress, so Tandem's
		// gzip (and the client's gunzip on the same two cores) would skew the ratios.
		DisableCompression: true,
	},
}

// slowClient is for the unloaded phase, whose largest answers (Today of a big team)
// take longer than a load-test request may.
var slowClient = &http.Client{Timeout: 10 * time.Minute}

// post sends body to url and returns the answer; a status other than 200 or a GraphQL
// "errors" member is an error.
func post(ctx context.Context, url, token string, body []byte) ([]byte, error) {
	return postWith(ctx, httpClient, url, token, body)
}

// send does one request and reads its answer; a status other than 200 is an error.
func send(client *http.Client, req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return out, fmt.Errorf("HTTP %d: %.400s", resp.StatusCode, bytes.TrimSpace(out))
	}
	return out, nil
}

func postWith(ctx context.Context, client *http.Client, url, token string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	out, err := send(client, req)
	if err != nil {
		return out, err
	}
	if hasErrors(out) {
		return out, fmt.Errorf("GraphQL errors: %.600s", out)
	}
	return out, nil
}

// hasErrors reports a non-empty top-level "errors" member.
func hasErrors(b []byte) bool {
	var e struct {
		Errors []json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(b, &e) != nil {
		return true
	}
	return len(e.Errors) > 0
}

func gqlBody(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// login signs in to Tandem and returns the access token.
func login(ctx context.Context, url, email string) (string, error) {
	q := `mutation($e:String!,$p:String!){ login(input:{email:$e,password:$p}){ accessToken } }`
	out, err := post(ctx, url, "", gqlBody(q, map[string]any{"e": email, "p": "tandem-demo"}))
	if err != nil {
		return "", fmt.Errorf("login %s: %w", email, err)
	}
	var r struct {
		Data struct {
			Login struct{ AccessToken string } `json:"login"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Data.Login.AccessToken == "" {
		return "", fmt.Errorf("login %s: no token in %.200s", email, out)
	}
	return r.Data.Login.AccessToken, nil
}

// session is a Tandem sign-in renewed before the 15-minute access token runs out.
type session struct {
	url, email string
	token      string
	at         time.Time
}

func (s *session) get(ctx context.Context) (string, error) {
	if s.token != "" && time.Since(s.at) < 8*time.Minute {
		return s.token, nil
	}
	t, err := login(ctx, s.url, s.email)
	if err != nil {
		return "", err
	}
	s.token, s.at = t, time.Now()
	return t, nil
}
