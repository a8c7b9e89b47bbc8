// Package cluster is the proof that Tandem runs as several processes on one
// PostgreSQL database and one S3 store behind a load balancer: its test builds the
// server binary, starts two processes behind a small reverse proxy and checks what an
// operator relies on (cluster_test.go). It has no code of its own.
package cluster
