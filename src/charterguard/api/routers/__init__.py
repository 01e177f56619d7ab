"""The API's routes, one router per area: health, checks, charters, decisions.

Each route reaches the app's state through the `state.app_state` dependency and
its caller's key through `auth.require(role)`. A new endpoint goes in the router
of its area (or a new router, included in `app.create_app`).
"""
