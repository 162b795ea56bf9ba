"""What the case-opening page posts: a valid form for a five-year-old in the kindergarten,
with an oral consent from the one guardian, to change one field at a time."""

from datetime import timedelta

from django.utils import timezone


def open_form(people, **overrides):
    today = timezone.localdate()
    data = {
        "tjeneste": people["kindergarten"].pk, "child_name": "Ola Nordmann",
        "child_birth_date": today.replace(year=today.year - 5).isoformat(), "level": 1,
        "guardian1_name": "Kari Nordmann", "given_by": "Kari Nordmann", "method": "muntlig",
        "given_on": today.isoformat(), "valid_until": (today + timedelta(days=180)).isoformat(),
        "services": [people["kindergarten"].pk],
    }  # fmt: skip
    data.update(overrides)
    return data
