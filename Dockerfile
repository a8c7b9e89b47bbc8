# Tandem in a container: a static, non-root binary on distroless (CA certificates and
# a "nonroot" user, nothing else). The app's built front end is committed and embedded,
# so only Go is needed. Build: docker build --build-arg COMMIT=$(git rev-parse HEAD) -t tandem .
# See docs/operations.md, "Running in containers".

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG COMMIT=""
# -trimpath keeps the build machine's paths out of panics and the binary; CGO off
# gives a static binary (the embedded database is pure Go).
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags="-s -w -X tandem/server/app.Commit=${COMMIT}" \
      -o /out/tandem ./server \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tandem /usr/local/bin/tandem
COPY --from=build --chown=65532:65532 /out/data /data
ENV TANDEM_DATA_DIR=/data \
    TANDEM_ADDR=:8080
USER 65532:65532
VOLUME /data
EXPOSE 8080
# No shell or curl in this image: the orchestrator probes GET /healthz (alive) and
# GET /readyz (database reachable) over HTTP.
ENTRYPOINT ["/usr/local/bin/tandem"]
