"""newsgraph: news articles into a sourced, queryable knowledge base."""

__version__ = "0.1.0"
