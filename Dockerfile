# The app in one container: docs/deploy.md says how to build, run and scale it.
#   docker build -t installment-clarity .
#   docker run --rm -p 8501:8501 installment-clarity
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# the dependencies first, so a change to the code does not reinstall them
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# not root; Streamlit writes nothing but its own caches under $HOME
# the live class store's default SQLite file (rooms/store.py) is written in .data/, so the
# unprivileged user owns that folder (set ROOMS_DATABASE_URL for PostgreSQL instead)
RUN useradd --create-home --uid 10001 app && mkdir -p /app/.data && chown app /app/.data
USER app

EXPOSE 8501

# /_stcore/health answers "ok" once the server is up (python is in the image; curl is not)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read().strip() != b'ok')"

# deploy/serve.py: `streamlit run` with Nagle's algorithm off on the browsers'
# connections (a small message otherwise waits for the browser's delayed ACK)
CMD ["python", "deploy/serve.py", "run", "streamlit_app.py", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"]
