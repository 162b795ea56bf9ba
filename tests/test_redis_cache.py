"""With a Redis cache configured, Django's cache really stores in Redis."""

import pytest
from django.core.cache import caches

from .services import require_redis


@pytest.mark.redis
def test_django_cache_round_trips_through_redis(settings):
    redis_url = require_redis()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    cache = caches["default"]
    cache.set("bts-test-key", {"nivå": 2}, timeout=30)
    assert cache.get("bts-test-key") == {"nivå": 2}
    import redis

    raw = redis.Redis.from_url(redis_url)
    assert any(b"bts-test-key" in key for key in raw.keys("*bts-test-key*"))
    cache.delete("bts-test-key")
