"""A plugin whose import raises something other than ImportError."""

raise RuntimeError("plugin configuration file is corrupt")
