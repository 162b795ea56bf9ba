"""The portal as ``make bench`` serves it through gunicorn: the product's settings and URLs,
plus a bare view (the floor) and a query counter that only the benchmark uses."""
