# syntax=docker/dockerfile:1.7
# nipworker-server, the caching Nostr gateway, in a small image.
#
#   docker build -t nipworker .
#   docker run -p 7777:7777 -v nipworker-data:/data -e NIPWORKER_API_TOKEN=... nipworker
#
# Every setting is a NIPWORKER_* variable (see crates/nipworker-server/nipworker.example.toml).
# There is no Docker engine on the project's machines: scripts/docker-build-check.sh runs the same
# cargo build, starts the binary with this file's environment and runs the HEALTHCHECK's command
# (scripts/test.sh runs it). It checks that the commands it runs are the ones written here.

ARG RUST_VERSION=1.95

# --- Build: the server alone, release profile, exactly the locked dependencies.
FROM rust:${RUST_VERSION}-bookworm AS builder
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates ./crates
# Downloads, git checkouts and the target directory are BuildKit caches that outlive the layer:
# after a source change only the workspace crates are compiled again, not the dependencies.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p nipworker-server \
    && install -D -m 0755 target/release/nipworker-server /out/nipworker-server

# --- Run: Debian slim (same glibc as the builder), CA roots for wss:// relays, curl for the
# HEALTHCHECK, an unprivileged user owning the database volume.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --user-group --uid 10001 --home-dir /data --shell /usr/sbin/nologin nipworker \
    && install -d -o nipworker -g nipworker -m 0750 /data
COPY --from=builder /out/nipworker-server /usr/local/bin/nipworker-server
ENV NIPWORKER_LISTEN=0.0.0.0:7777 \
    NIPWORKER_DATABASE=/data/nipworker.sqlite \
    NIPWORKER_LOG_FORMAT=json
USER nipworker:nipworker
WORKDIR /data
VOLUME ["/data"]
EXPOSE 7777
# Liveness, from inside the container (it follows NIPWORKER_LISTEN's port only if that stays 7777).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["curl", "-fsS", "--max-time", "4", "-o", "/dev/null", "http://127.0.0.1:7777/health"]
# SIGTERM (docker stop) makes the server close its clients, flush the store and exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/nipworker-server"]
