"""What others read about a case's archiving (the guardians' insight)."""

from .models import ArchivePackage


def archived_package(*, case_id: int) -> ArchivePackage | None:
    return ArchivePackage.objects.filter(
        case_id=case_id, status=ArchivePackage.Status.ARCHIVED
    ).first()
