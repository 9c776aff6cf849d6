-- Tidings store schema. Spans are character offsets into articles.text.
-- IDs are content hashes, so re-ingesting the same page changes nothing.
-- A change here needs a matching upgrade Step in store/migrations.py (tests/store checks).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- One row per schema version this file reached, and when (store/migrations.py).
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ, description VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY, started TIMESTAMPTZ, finished TIMESTAMPTZ,
  config_hash VARCHAR, version VARCHAR, sources VARCHAR, counts JSON,
  status VARCHAR  -- running | finished | interrupted (Ctrl-C) | killed (found dead on open)
);

-- One row per distinct failure; a re-run that meets it again updates run_id/last_seen/times,
-- so re-running the same inputs adds no row anywhere.
CREATE TABLE IF NOT EXISTS errors (
  run_id VARCHAR, source_uri VARCHAR, stage VARCHAR, message VARCHAR, recorded_at TIMESTAMPTZ,
  last_seen TIMESTAMPTZ, times INTEGER DEFAULT 1, PRIMARY KEY (source_uri, stage, message)
);

CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR PRIMARY KEY, source_uri VARCHAR, content_type VARCHAR, sha256 VARCHAR,
  fetched_at VARCHAR, ingested_at TIMESTAMPTZ, run_id VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR PRIMARY KEY, doc_id VARCHAR, story_id VARCHAR, outlet VARCHAR, url VARCHAR,
  title VARCHAR, author VARCHAR, published_at TIMESTAMPTZ, published_tz VARCHAR,
  dateline VARCHAR, wire VARCHAR, language VARCHAR, text VARCHAR, raw_offsets JSON,
  skipped_reason VARCHAR, run_id VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY, canonical_id VARCHAR, story_id VARCHAR, article_id VARCHAR,
  sentence_idx INTEGER, plover_type VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
  cameo_code VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
  source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
  source_entity VARCHAR, source_name VARCHAR, source_sponsor VARCHAR,
  source_start INTEGER, source_end INTEGER,
  target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
  target_entity VARCHAR, target_name VARCHAR, target_sponsor VARCHAR,
  target_start INTEGER, target_end INTEGER,
  reciprocal BOOLEAN, object_text VARCHAR,
  event_date DATE, date_precision VARCHAR, date_text VARCHAR, date_source VARCHAR,
  place_name VARCHAR, geonameid BIGINT, country_iso3 VARCHAR, admin1 VARCHAR,
  lat DOUBLE, lon DOUBLE, place_source VARCHAR,
  negated BOOLEAN, modality VARCHAR, confidence DOUBLE,
  claimed_by VARCHAR, claim_kind VARCHAR, n_articles INTEGER, n_outlets INTEGER,
  evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
  trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
  coder VARCHAR, coder_version VARCHAR, run_id VARCHAR,
  date_flags VARCHAR,   -- ';'-joined: far_from_publication, impossible_date, no_reference ...
  date_link VARCHAR     -- how the date's expression reaches the event (own clause, reported ...)
);

CREATE TABLE IF NOT EXISTS event_mentions (
  event_id VARCHAR, mention_id VARCHAR, article_id VARCHAR, outlet VARCHAR,
  PRIMARY KEY (event_id, mention_id)
);

CREATE TABLE IF NOT EXISTS quotes (
  quote_id VARCHAR PRIMARY KEY, article_id VARCHAR, speaker_text VARCHAR,
  speaker_entity VARCHAR, speaker_code VARCHAR, anonymous BOOLEAN, cue VARCHAR,
  content VARCHAR, direct BOOLEAN, start INTEGER, "end" INTEGER,
  speaker_start INTEGER, speaker_end INTEGER, cue_start INTEGER, cue_end INTEGER,
  event_id VARCHAR, run_id VARCHAR,
  kind VARCHAR,          -- direct | indirect | mixed
  source_kind VARCHAR    -- named | anonymous | document
);

CREATE TABLE IF NOT EXISTS actors (
  entity_id VARCHAR PRIMARY KEY, name VARCHAR, aliases VARCHAR, country_iso3 VARCHAR,
  sector VARCHAR, code VARCHAR, wikidata_id VARCHAR, valid_from VARCHAR, valid_to VARCHAR
);

CREATE TABLE IF NOT EXISTS stories (
  story_id VARCHAR PRIMARY KEY, first_seen TIMESTAMPTZ, last_seen TIMESTAMPTZ,
  n_articles INTEGER, n_outlets INTEGER, title VARCHAR
);

-- tidings.stories: one row per clustered article; what later runs cluster new articles against.
CREATE TABLE IF NOT EXISTS article_fingerprints (
  article_id VARCHAR PRIMARY KEY, story_id VARCHAR, outlet VARCHAR, published_at TIMESTAMPTZ,
  title VARCHAR, minhash BLOB, vector BLOB, embedder VARCHAR, entities VARCHAR[],
  keys VARCHAR[], near_duplicate_of VARCHAR, undated BOOLEAN, score DOUBLE,
  clustered_at TIMESTAMPTZ
);

-- tidings.extract: per outlet (or scrape folder), how many stored documents printed each short
-- line; lines many pages of one outlet repeat are its menus and footers (issue 11).
CREATE TABLE IF NOT EXISTS outlet_lines (
  outlet VARCHAR, line_key VARCHAR, n_docs INTEGER, PRIMARY KEY (outlet, line_key)
);
