"""Helpers for the tests of every app (not loaded by the running application)."""
