vcl 4.1;
# HĐND Số — the edge cache in front of the app (docs/operations.md).
#
# It keeps what the app says it may keep (Cache-Control: public, s-maxage=…: the portal's
# published pages), for anonymous readers only, and forgets a whole portal — every page of its
# host — when the app sends PURGE on a publication (Wagtail's frontend cache invalidation,
# EDGE_CACHE_URL). Everything else, the back office above all, goes straight to the app.

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A publication changes every page of its portal (menu, latest and related articles).
        ban("obj.http.x-portal-host == " + std.tolower(req.http.host));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(quan-tri|tai-lieu|_util)/" || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    # An anonymous reader's other cookies (the sign-in form's CSRF token…) change nothing on a page.
    unset req.http.Cookie;
    set req.http.host = std.tolower(req.http.host);
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.x-portal-host = bereq.http.host;
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Set-Cookie) {
        # Not a published page: never kept (and not asked for again as if it were).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept a little past its time while a fresh copy is fetched.
    set beresp.grace = 30s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-portal-host;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
}
