"""A plugin whose import fails: it needs a dependency that is not installed."""

import mitimeline_dependency_that_is_not_installed  # noqa: F401
