from celery import shared_task


@shared_task(name="bts_portal.ping")
def ping() -> str:
    """Answer 'pong': lets the health check and the tests prove that a worker is taking tasks."""
    return "pong"
