"""Login through the municipality's identity provider (OpenID Connect); filled in part 4."""

from django.http import Http404


def issuer():
    return None


def button():
    return None


def start(request):
    raise Http404


def callback(request):
    raise Http404


def unknown(request):
    raise Http404
