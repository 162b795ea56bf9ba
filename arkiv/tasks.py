"""The archive's background work: one package per closed case, and the retries."""

from celery import shared_task

from . import services

# The documents are rendered like every PDF here (bts_portal.jobs): within a soft limit, a
# message redelivered after a lost worker finds the package claimed and leaves it to the
# reaper in ``reap_and_retry``.


@shared_task(
    name="arkiv.build_package", acks_late=True, reject_on_worker_lost=True,
    soft_time_limit=540, time_limit=600,
)  # fmt: skip
def build_package(package_pk: int) -> str:
    return services.build(package_pk)


@shared_task(name="arkiv.retry_packages")
def retry_packages() -> int:
    return services.reap_and_retry()
