# The portal's image for docker-compose.yml: the same image runs web, worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_BUILD_CONSTRAINT=/app/requirements/build-constraints.txt \
    PIP_CONSTRAINT=/app/requirements/build-constraints.txt

# Pango and its fonts for WeasyPrint's PDFs; Apertium for the nynorsk machine drafts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    apertium apertium-nno-nob \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY requirements ./requirements
RUN pip install --upgrade "pip>=25.1" && pip install -c requirements/lock.txt -e .

COPY . .
RUN DJANGO_ENV=production SECRET_KEY=collectstatic-only CITIZEN_ID_SECRET=collectstatic-only \
    ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --no-input

RUN useradd --system --home /app bts && mkdir -p /app/var/media && chown -R bts /app/var
USER bts
EXPOSE 8000
CMD ["gunicorn", "bts_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
