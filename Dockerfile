# RNN Lab in one container: the app, its shipped models, a non-root user and Streamlit's health check.
#   docker build -t rnnlab . && docker run -p 8501:8501 rnnlab
# Several replicas behind nginx with sticky sessions: see deploy/README.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TF_CPP_MIN_LOG_LEVEL=3 STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

RUN useradd --create-home --uid 10001 rnnlab
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
# The app and its models are baked in (see .dockerignore for what stays out).
COPY --chown=rnnlab:rnnlab app.py ./
COPY --chown=rnnlab:rnnlab .streamlit .streamlit
COPY --chown=rnnlab:rnnlab rnn_core rnn_core
COPY --chown=rnnlab:rnnlab ui ui
COPY --chown=rnnlab:rnnlab pages pages
COPY --chown=rnnlab:rnnlab workers workers
COPY --chown=rnnlab:rnnlab classroom classroom
COPY --chown=rnnlab:rnnlab training training
COPY --chown=rnnlab:rnnlab assets assets
USER rnnlab

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"]
