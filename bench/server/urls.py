"""The portal's URLs and the floor: ``/_floor/``, a view that does nothing, answered through
the same server and middleware as every page, so that a page's share of it is the share of
the server's capacity that the page's own work leaves."""

from django.http import HttpResponse
from django.urls import path

from bts_portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    # Plain text and no-store: no page cache may keep it, so it is always the view itself.
    return HttpResponse(b"ok", content_type="text/plain", headers={"Cache-Control": "no-store"})


urlpatterns = [path("_floor/", floor, name="bench_floor"), *portal_urlpatterns]
