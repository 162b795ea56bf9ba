"""The guide drives the case: which steps of a level are due when, and which steps an entry
(or a concern's notes) does by itself. The steps and their deadlines are the guide's
(``handlingsveileder.Trinn``: ``deadline_days`` from the start of the level, ``done_by``)."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from django.utils import timezone

from bts_portal.content.models import Status
from handlingsveileder.models import DoneBy, Trinn
from handlingsveileder.selectors import steps_for_level


@dataclass(frozen=True)
class ChecklistItem:
    step: Trinn
    done: bool
    due: date | None

    @property
    def overdue(self) -> bool:
        return not self.done and self.due is not None and self.due < timezone.localdate()


def _published(level: int):
    return Trinn.objects.filter(
        status=Status.PUBLISHED, niva__status=Status.PUBLISHED, niva__number=level
    )


def step_keys_done_by(level: int, kind: str) -> list[str]:
    if kind not in DoneBy.values or not kind:
        return []
    return list(_published(level).filter(done_by=kind).values_list("key", flat=True))


def items(steps, done_keys, started: date) -> list[ChecklistItem]:
    """The checklist of one level that started on ``started``."""
    return [
        ChecklistItem(
            step=step,
            done=step.key in done_keys,
            due=started + timedelta(days=step.deadline_days) if step.deadline_days else None,
        )
        for step in steps
    ]


def undring_steps_done(undring) -> list[str]:
    """The level-0 steps a concern's own notes do, kept with those ticked by hand."""
    kinds = set()
    if undring.observation.strip():
        kinds.add(DoneBy.OBSERVATION)
    if undring.discussed_on or undring.discussed_with.strip():
        kinds.add(DoneBy.DISCUSSION)
    if undring.conversation_on:
        kinds.add(DoneBy.CONVERSATION)
    keys = set(_published(0).filter(done_by__in=kinds).values_list("key", flat=True))
    return sorted(set(undring.done_steps or []) | keys)


def load(cases, *, done_rows=None) -> tuple[dict[int, list[Trinn]], dict[int, set[str]]]:
    """For ``cases``: the published steps with a deadline of each of their levels (kept until
    the guide changes: ``steps_for_level``), and the steps each case has done (one query for
    any number of cases, or none when the caller read ``done_rows``, (case id, step key)
    pairs that cover these cases)."""
    from .models import CaseChecklistStep

    steps = {
        level: [step for step in steps_for_level(level) if step.deadline_days is not None]
        for level in {case.level for case in cases}
    }
    if done_rows is None:
        done_rows = CaseChecklistStep.objects.filter(
            stafettlogg__in=[case.pk for case in cases]
        ).values_list("stafettlogg_id", "step_key")
    wanted = {case.pk for case in cases}
    done: dict[int, set[str]] = {}
    for case_id, key in done_rows:
        if case_id in wanted:
            done.setdefault(case_id, set()).add(key)
    return steps, done


def pending(steps_by_level: dict, done_by_case: dict, case) -> list[ChecklistItem]:
    """The steps of the case's level that are not done and have a deadline, soonest first."""
    return sorted(
        (
            item
            for item in items(steps_by_level.get(case.level, []), done_by_case.get(case.pk, set()),
                              case.level_started_on)
            if not item.done and item.due is not None
        ),
        key=lambda item: cast(date, item.due),  # only items with a due date are left
    )  # fmt: skip


def next_due(steps_by_level: dict, done_by_case: dict, case) -> ChecklistItem | None:
    """The first step of the case's level that is not done and has a deadline."""
    return next(iter(pending(steps_by_level, done_by_case, case)), None)
