"""The web UI: one page and its static assets, all bundled (no CDN), rendering the REST JSON."""
