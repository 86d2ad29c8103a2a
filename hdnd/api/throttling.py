"""Rate limits: per token, and per address for anonymous clients. Over the limit the answer is
429 with `Retry-After`: the seconds until the oldest counted request leaves the window. The
requests are counted in the default cache — Redis in production, so every worker shares the
count — and the rates are read from the settings on each request: `API_RATE_ANONYMOUS` and
`API_RATE_TOKEN`, e.g. "120/min". Built on Django Ninja's throttling; the state of one check is
kept per thread, as one throttle object serves every request of the process."""

import math
import threading
import time

from django.conf import settings
from ninja.throttling import SimpleRateThrottle

from .auth import request_token


class ClientRateThrottle(SimpleRateThrottle):
    def __init__(self, *, anonymous):
        self.anonymous = anonymous
        self.scope = "anonymous" if anonymous else "token"
        self._check = threading.local()

    def get_cache_key(self, request):
        token = request_token(request)
        ident = self.get_ident(request) if token is None else f"token-{token.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request):
        if (request_token(request) is None) != self.anonymous:
            return True  # the other throttle counts this client
        count, duration = self.parse_rate(settings.API_RATE_ANONYMOUS if self.anonymous else settings.API_RATE_TOKEN)
        key = self.get_cache_key(request)
        now = time.time()
        history = [moment for moment in self.cache.get(key, []) if moment > now - duration]
        check = self._check
        check.now, check.duration, check.history = now, duration, history
        if len(history) >= count:
            return False
        self.cache.set(key, [now, *history], duration)
        return True

    def wait(self):
        check = self._check
        oldest = check.history[-1] if check.history else check.now
        return max(1, math.ceil(check.duration - (check.now - oldest)))


THROTTLES = [ClientRateThrottle(anonymous=True), ClientRateThrottle(anonymous=False)]
