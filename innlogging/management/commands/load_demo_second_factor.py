"""Give the demo users who can read cases an authenticator with one known secret, so that a
newcomer can log in within a minute: add the secret to any authenticator app, or type the
code this command prints. Refused in production."""

from base64 import b32decode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from innlogging.gate import needs_second_factor
from organisasjon.demo import USERS
from organisasjon.models import Bruker

# Printed by `make run` and listed in the README; a demo secret, never a real one.
DEMO_TOTP_SECRET = "BTSDEMOKODEBTSDEMOKODEBTSDEMOKOD"  # noqa: S105


def demo_code() -> str:
    key = b32decode(DEMO_TOTP_SECRET)
    return f"{totp(key):06d}"


class Command(BaseCommand):
    help = "Enrol the demo users who can read cases in TOTP with the documented demo secret."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo second factor is never set up in production.")
        key = b32decode(DEMO_TOTP_SECRET).hex()
        usernames = [username for username, *_rest in USERS]
        enrolled = []
        for user in Bruker.objects.filter(username__in=usernames).order_by("username"):
            if not needs_second_factor(user):
                continue
            TOTPDevice.objects.filter(user=user).exclude(key=key).delete()
            TOTPDevice.objects.get_or_create(
                user=user, key=key, defaults={"name": "demo", "confirmed": True}
            )
            enrolled.append(user.username)
        self.stdout.write(
            f"Two-step login for {', '.join(enrolled)}: add the secret {DEMO_TOTP_SECRET} to an "
            f"authenticator app, or use the code now: {demo_code()} "
            "(a new one: python manage.py load_demo_second_factor)"
        )
