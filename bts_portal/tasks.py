from celery import shared_task


@shared_task(name="bts_portal.ping")
def ping() -> str:
    """Answer 'pong': lets the health check and the tests prove that a worker is taking tasks."""
    return "pong"


# The document pipeline's tasks live with it; importing them here registers them with Celery.
from .jobs import build_document, reap_stale_documents  # noqa: E402, F401
