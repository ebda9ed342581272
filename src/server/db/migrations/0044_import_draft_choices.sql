-- An import draft keeps the choices its kind takes for the whole file beyond the reading options
-- (issue 11): today the conference a file of attendees is added to ({ "conference": 12 }). Its
-- preview, its commit and its background job read the file with them, as the synchronous
-- preview and commit do, so the conference page's import is a draft like any other.
ALTER TABLE import_drafts ADD COLUMN choices jsonb NOT NULL DEFAULT '{}';
