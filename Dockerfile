# The portal's image for docker-compose.yml: the same image runs web, worker and beat.
#
# Two stages. The build stage installs the runtime lock (hash-checked, no dev dependencies) into
# /opt/venv, the project itself (not editable, no resolution of its own) and collects the static
# files. The runtime stage gets the system libraries, that venv, the source and the static files,
# and runs as a user that owns nothing but var/.

FROM python:3.11-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_BUILD_CONSTRAINT=/app/requirements/build-constraints.txt \
    PIP_CONSTRAINT=/app/requirements/build-constraints.txt \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app
# The locks first: the dependency layer is rebuilt only when a lock changes.
COPY requirements ./requirements
RUN python -m venv /opt/venv \
 && pip install --require-hashes -r requirements/pip-lock.txt \
 && pip install --require-hashes -r requirements/lock.txt

COPY . .
# WeasyPrint is imported only when a PDF is drawn, so collectstatic needs no Pango here.
RUN pip install --no-deps . \
 && DJANGO_ENV=production SECRET_KEY=collectstatic-only CITIZEN_ID_SECRET=collectstatic-only \
    ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input


FROM python:3.11-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

# Pango and its fonts for WeasyPrint's PDFs; Apertium for the nynorsk machine drafts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    apertium apertium-nno-nob \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /opt/venv /opt/venv
# The source from the build context (not the build stage's copy, which holds pip's build
# leftovers), then the collected static files.
COPY . .
COPY --from=build /app/staticfiles ./staticfiles

# The code and the static files stay root's: the portal's user writes only under var/
# (media, the SMS file outbox).
RUN useradd --system --home /app bts && mkdir -p /app/var/media && chown -R bts /app/var
USER bts
EXPOSE 8000
CMD ["gunicorn", "bts_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
