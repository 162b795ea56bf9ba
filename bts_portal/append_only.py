"""Rows that are only ever added: the case log's entries and access log, the record of role
changes, the record of account events. The application refuses to change or delete them
(and on PostgreSQL the database refuses too, by triggers)."""

from django.db import models


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a row that must only ever be added."""


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted.")
