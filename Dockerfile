# syntax=docker/dockerfile:1
# Two images from one file (see compose.yaml):
#   target "app":   one dashboard replica (Streamlit, production settings of .streamlit/config.toml)
#   target "proxy": Debian's nginx in front of the replicas, with deploy/nginx.conf.template rendered
#                   by deploy/serve.py --render and Streamlit's frontend pre-compressed
# Not built or run where it was written (no Docker daemon or registry there); it was checked with
# hadolint only. The commands are the ones deploy/serve.py runs and tests/test_deploy.py tests.

FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CATALOGUE_CACHE_DIR=/tmp/catalogue-cache
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# The proxy's configuration, rendered from the same template deploy/serve.py uses (replicas are "app").
RUN python deploy/serve.py --render --upstream app:8501 --listen 8080 --prefix /tmp/nginx \
        --static /srv/streamlit --site /srv/site > /tmp/nginx.conf \
    && cp -r "$(python -c 'import streamlit, pathlib; print(pathlib.Path(streamlit.__file__).parent / "static")')" /tmp/streamlit-static \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin catalogue
USER 10001
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).read() != b'ok')"]
# deploy/serve.py's replica_command(8501, address="0.0.0.0"): production settings come from .streamlit/config.toml.
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]

FROM debian:bookworm-slim AS proxy
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx=1.22.* gzip=1.12-* \
    && rm -rf /var/lib/apt/lists/*
COPY --from=app /tmp/nginx.conf /etc/catalogue/nginx.conf
COPY --from=app /tmp/streamlit-static /srv/streamlit
# Pre-compressed copies beside the originals, as deploy/serve.py's precompress() makes them (gzip_static).
RUN find /srv/streamlit -type f \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.html' \
        -o -name '*.wasm' -o -name '*.ttf' -o -name '*.map' -o -name '*.txt' -o -name '*.otf' \) -size +1k \
        -exec gzip -k -6 {} + \
    && mkdir -p /tmp/nginx/tmp /srv/site \
    && chown -R 33:33 /tmp/nginx
USER 33
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
CMD ["nginx", "-p", "/tmp/nginx", "-e", "/dev/stderr", "-c", "/etc/catalogue/nginx.conf"]
