"""Rate limits: per token, and per address for anonymous clients. Over the limit the answer is
429 with `Retry-After`: the seconds until the current window ends. Each client's requests are
counted in a fixed window (a minute for "120/min"), one counter per window in the default cache
— Redis in production, where the increment is atomic and every worker shares the count — so a
check costs one cache round trip whatever the limit. The rates are read from the settings on
each request: `API_RATE_ANONYMOUS` and `API_RATE_TOKEN`, e.g. "120/min". Built on Django Ninja's
throttle interface; the state of one check is kept per thread, as one throttle object serves
every request of the process."""

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
        now = time.time()
        window = int(now // duration)
        key = f"{self.get_cache_key(request)}:{window}"
        self.cache.add(key, 0, duration + 1)
        try:
            used = self.cache.incr(key)
        except ValueError:  # expired between add and incr
            self.cache.add(key, 1, duration + 1)
            used = 1
        self._check.retry_after = (window + 1) * duration - now
        return used <= count

    def wait(self):
        return max(1, math.ceil(self._check.retry_after))


THROTTLES = [ClientRateThrottle(anonymous=True), ClientRateThrottle(anonymous=False)]
