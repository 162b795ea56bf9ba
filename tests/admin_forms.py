"""What a browser would post back from a Django admin page: the tests submit the admin's real
HTML forms, changing only what the test is about, instead of guessing the fields."""

from html.parser import HTMLParser

from django.contrib.auth.models import Permission
from django.test import Client

from organisasjon.demo import _grant_admin_rights
from organisasjon.models import Bruker

from .factories import BrukerFactory


class _FormParser(HTMLParser):
    """Collects the successful controls of the page's main admin form (``<model>_form``)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.names: set[str] = set()  # every enabled control, posted or not
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name", "")
        if "__prefix__" in name:  # the inline's template row, copied by JavaScript
            return
        if name and tag in {"input", "select", "textarea"}:
            self.names.add(name)
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._select["options"].append(self._option)
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "option":
            self._option = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea["name"], self._textarea["text"].lstrip("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [o for o in options if o["selected"]]
            if not chosen and options and not self._select["multiple"]:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self.fields.append((self._select["name"], value.strip()))
            self._select = None


def _parse(client: Client, url: str, model_name: str) -> _FormParser:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = _FormParser(f"{model_name}_form")
    parser.feed(response.content.decode())
    return parser


def admin_form_data(client: Client, url: str, model_name: str) -> dict[str, list[str]]:
    """GET ``url`` and return its admin form's controls as the browser would submit them."""
    parser = _parse(client, url, model_name)
    data: dict[str, list[str]] = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    assert data, f"no form {model_name}_form on {url}"
    return data


def admin_form_names(client: Client, url: str, model_name: str) -> set[str]:
    """The names of the controls a person can fill in on the admin form at ``url``."""
    return _parse(client, url, model_name).names


def add_inline_row(data: dict[str, list[str]], prefix: str, **values: str) -> None:
    """Fill in one more row of an inline formset, as the "Add another" link would."""
    index = int(data[f"{prefix}-TOTAL_FORMS"][0])
    extra_row = f"{prefix}-{index - 1}-"
    # The page may already render an empty extra row; fill that one in rather than adding.
    if int(data[f"{prefix}-INITIAL_FORMS"][0]) < index and not any(
        data.get(f"{extra_row}{field}", [""])[0] for field in values
    ):
        index -= 1
    else:
        data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
    for field, value in values.items():
        data[f"{prefix}-{index}-{field}"] = [value]


def system_administrator(username: str = "sysadmin", **attrs) -> Bruker:
    """A system administrator with the admin rights the demo gives its own."""
    user = BrukerFactory(username=username, is_staff=True, **attrs)
    _grant_admin_rights(user)
    assert Permission.objects.filter(group__user=user, codename="change_bruker").exists()
    return Bruker.objects.get(pk=user.pk)
