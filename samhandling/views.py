from django.shortcuts import render

from organisasjon.selectors import public_services


def home(request):
    """The public front page for guardians, children and young people."""
    return render(request, "samhandling/home.html", {"services": public_services()[:6]})
