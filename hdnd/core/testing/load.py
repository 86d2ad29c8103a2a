"""A mixed load on a running installation, shared by `bench/load_mix.py` and its test: wrk reads
portal pages, search results and API answers at many connections while a writer records voter
petitions through the API; then every write is looked for in the database.

Call after django.setup(), with the settings of the database the server under load uses."""

import datetime
import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: How wrk picks each request: one of the targets at random, with its own Host (each portal is a host).
WRK_SCRIPT = """
local targets = {%(targets)s}
math.randomseed(%(seed)d)
request = function()
  local target = targets[math.random(#targets)]
  return wrk.format("GET", target[2], {["Host"] = target[1]})
end
"""


def read_targets(host, limit_each=6):
    """(host, path) pairs over the demo: portal pages of the district and of communes, record pages,
    search, and API lists and records — what readers, the press and researchers ask for."""
    from django.urls import reverse
    from wagtail.models import Site

    from hdnd.meetings.models import Session
    from hdnd.portal.models import ArticlePage
    from hdnd.resolutions.models import Resolution

    port = host.rsplit(":", 1)[1] if ":" in host else ""
    sites = list(Site.objects.order_by("-is_default_site", "pk")[:4])
    hosts = [host] + [f"{site.hostname}:{port}" if port else site.hostname for site in sites[1:]]
    resolutions = list(Resolution.objects.published().order_by("-pk").values_list("pk", flat=True)[:limit_each])
    sessions = list(Session.objects.public().order_by("-pk").values_list("pk", flat=True)[:limit_each])
    articles = [page.url_path for page in ArticlePage.objects.live().public().order_by("-pk")[:limit_each]]
    targets = []
    for portal in hosts:
        targets += [(portal, "/"), (portal, reverse("portal:resolutions")), (portal, reverse("portal:sessions"))]
    root = sites[0].root_page.url_path if sites else "/"
    targets += [(host, "/" + path[len(root) :]) for path in articles if path.startswith(root)]
    targets += [(host, reverse("portal:resolution", args=[pk])) for pk in resolutions]
    targets += [(host, reverse("portal:session", args=[pk])) for pk in sessions]
    targets += [(host, reverse("portal:delegates")), (host, reverse("portal:answers"))]
    for words in ("ngân sách", "giao ban", "nghị quyết đầu tư", "kien nghi cu tri"):
        targets.append((host, reverse("portal:search") + "?q=" + urllib.request.quote(words)))
    targets += [
        (host, "/api/v1/resolutions"),
        (host, "/api/v1/resolutions?kind=normative"),
        (host, "/api/v1/sessions"),
        (host, "/api/v1/councils"),
        (host, "/api/v1/voter-petitions"),
        (host, "/api/v1/delegates"),
    ]
    targets += [(host, f"/api/v1/resolutions/{pk}") for pk in resolutions]
    return targets


@dataclass
class WrkResult:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    non_success: int  # responses other than 2xx or 3xx
    socket_errors: int
    output: str


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(port, targets, *, connections, seconds, threads=2, seed=20241022):
    """Runs wrk at `connections` for `seconds` over the targets; what it measured."""
    lua = WRK_SCRIPT % {
        "targets": ", ".join("{" + json.dumps(h) + ", " + json.dumps(p) + "}" for h, p in targets),
        "seed": seed,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
        command += ["-s", script.name, f"http://127.0.0.1:{port}/"]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        Path(script.name).unlink()
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    if len(latency) != 2:
        raise RuntimeError(f"wrk measured nothing:\n{output}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        non_success=int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        output=output,
    )


@dataclass(eq=False)
class PetitionWriter(threading.Thread):
    """Records voter petitions through the API, one after another, until stopped."""

    port: int
    host: str
    token: str
    marker: str
    session: int | None = None  # the session the petitions are gathered for, when the council wants one
    received_on: datetime.date = datetime.date(2024, 10, 15)
    created: list = field(default_factory=list)  # ids the API answered 201 with
    failures: list = field(default_factory=list)  # (status or error, body)
    timings: list = field(default_factory=list)

    def __post_init__(self):
        super().__init__(daemon=True)
        self.stopping = threading.Event()

    def run(self):
        number = 0
        while not self.stopping.is_set():
            number += 1
            body = {
                "received_on": self.received_on.isoformat(),
                "text": f"{self.marker} số {number}: đề nghị sửa tuyến đường liên thôn bị sạt lở sau mưa lũ.",
                "area": "Thôn Nà Cà, xã Kim Lư",
                "session": self.session,
            }
            request = urllib.request.Request(
                f"http://127.0.0.1:{self.port}/api/v1/voter-petitions",
                data=json.dumps(body).encode(),
                headers={
                    "Host": self.host,
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                },
                method="POST",
            )
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = json.load(response)
                    self.created.append(answer["id"])
            except urllib.error.HTTPError as exc:
                self.failures.append((exc.code, exc.read()[:300]))
            except OSError as exc:
                self.failures.append((exc.__class__.__name__, str(exc)))
            self.timings.append(time.perf_counter() - started)

    def stop(self):
        self.stopping.set()
        self.join(60)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def writes_missing(writer):
    """The petitions the API said it recorded that the database does not hold."""
    from hdnd.petitions.models import VoterPetition

    held = set(VoterPetition.objects.filter(text__startswith=writer.marker).values_list("pk", flat=True))
    return sorted(set(writer.created) - held), len(held)
