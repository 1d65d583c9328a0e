"""What people look at: the self-contained HTML report (and, later, the HTTP API and web UI)."""
